import "server-only";
/** Deterministic demo CRM data: the same names every time, so docs and screenshots agree. */

const FIRST_NAMES = ["Alice", "Bruno", "Chloé", "Diego", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Keiko", "Liam", "Maya", "Nils", "Oscar", "Paula", "Quentin", "Rosa", "Samir", "Tara"];
const LAST_NAMES = ["Anderson", "Bernard", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ito", "Jansen", "Kowalski", "Laurent", "Moreau", "Novak", "Okafor", "Petit", "Quinn", "Rossi", "Silva", "Tanaka"];
const COMPANIES: Array<[name: string, domain: string, industry: string, city: string]> = [
  ["Northwind Traders", "northwind.example", "Wholesale", "Seattle"],
  ["Blue Harbor Logistics", "blueharbor.example", "Logistics", "Rotterdam"],
  ["Lumen Analytics", "lumen.example", "Software", "Berlin"],
  ["Cedar & Stone Architects", "cedarstone.example", "Architecture", "Lyon"],
  ["Kestrel Robotics", "kestrel.example", "Manufacturing", "Boston"],
  ["Maple Health", "maplehealth.example", "Healthcare", "Toronto"],
  ["Orbit Media Group", "orbitmedia.example", "Media", "London"],
  ["Pinecrest Bank", "pinecrest.example", "Finance", "Chicago"],
  ["Quartz Energy", "quartz.example", "Energy", "Oslo"],
  ["Riverbend Foods", "riverbend.example", "Food & Beverage", "Milan"],
  ["Summit Outdoor", "summit.example", "Retail", "Denver"],
  ["Tidewater Insurance", "tidewater.example", "Insurance", "Singapore"],
  ["Umbra Security", "umbra.example", "Cybersecurity", "Tel Aviv"],
  ["Vantage Learning", "vantage.example", "Education", "Sydney"],
  ["Willow Biotech", "willow.example", "Biotech", "Bangalore"],
];
const JOB_TITLES = ["Head of Operations", "CTO", "Procurement Manager", "VP Sales", "Office Manager", "CFO", "IT Director", "Product Lead"];
const DEAL_STAGES = ["Appointment scheduled", "Qualified to buy", "Presentation scheduled", "Decision maker bought-in", "Contract sent", "Closed won"];
const DEAL_KINDS = ["Annual licence", "Pilot", "Expansion", "Renewal"];
const TICKET_SUBJECTS = [
  "Cannot export the quarterly report",
  "Invoice shows the wrong VAT rate",
  "SSO login loops back to the sign-in page",
  "Request for a training session",
  "Calendar invites arrive an hour late",
  "API rate limit reached during import",
  "Add a second billing contact",
  "Dashboard widgets load slowly",
  "Mobile app crashes on start",
  "Question about the renewal terms",
  "Duplicate contacts after CSV import",
  "Need help setting up webhooks",
  "Password reset e-mail not received",
  "Data retention policy question",
  "Upgrade to the enterprise plan",
];
const TICKET_STATUSES = ["New", "Waiting on contact", "Waiting on us", "Closed"];
const PRIORITIES = ["Low", "Medium", "High"];

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

export function demoCompanies() {
  return COMPANIES.map(([name, domain, industry, city]) => ({ name, domain, industry, city }));
}

/** 40 contacts; contact i works at company i mod 15. */
export function demoContacts(companyIds: string[]) {
  return Array.from({ length: 40 }, (_, i) => {
    const firstName = pick(FIRST_NAMES, i);
    const lastName = pick(LAST_NAMES, i * 7 + 3);
    const companyId = pick(companyIds, i);
    const company = pick(COMPANIES, i);
    return {
      firstName,
      lastName,
      email: `${firstName}.${lastName}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "") + `@${company[1]}`,
      phone: `+1 555 01${String(i).padStart(2, "0")}`,
      jobTitle: pick(JOB_TITLES, i),
      companyId,
    };
  });
}

export function demoDeals(companyIds: string[]) {
  return Array.from({ length: 20 }, (_, i) => {
    const company = pick(COMPANIES, i);
    return {
      name: `${company[0]} — ${pick(DEAL_KINDS, i)}`,
      stage: pick(DEAL_STAGES, i),
      amount: String(5000 + ((i * 3779) % 90) * 1000),
      closeDate: `2027-${String((i % 12) + 1).padStart(2, "0")}-15`,
      companyId: pick(companyIds, i),
    };
  });
}

export function demoTickets(contactRows: Array<{ id: string; companyId: string | null }>) {
  return TICKET_SUBJECTS.map((subject, i) => {
    const contact = pick(contactRows, i * 3);
    return { subject, status: pick(TICKET_STATUSES, i), priority: pick(PRIORITIES, i), contactId: contact.id, companyId: contact.companyId };
  });
}

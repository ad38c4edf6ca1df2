import "server-only";
import { asc, eq, ilike, or, sql } from "drizzle-orm";
import { companies, contacts, dealContacts, deals, tickets } from "@/db/schema";
import { companyById, ticketsWhere } from "./associations";
import { asRecords, contactName, countWhere, type RecordKind } from "./kind";

export const contactKind: RecordKind = {
  async summary(db, id) {
    const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
    return row && { type: "contact", id, name: contactName(row), contactIds: [row.id] };
  },

  async detail(db, id) {
    const [c] = await db.select().from(contacts).where(eq(contacts.id, id));
    if (!c) return undefined;
    const dealLinks = await db
      .select({ id: deals.id, name: deals.name })
      .from(dealContacts)
      .innerJoin(deals, eq(deals.id, dealContacts.dealId))
      .where(eq(dealContacts.contactId, id))
      .orderBy(asc(deals.name));
    return {
      type: "contact",
      id,
      name: contactName(c),
      properties: [
        { label: "Email", value: c.email ?? "" },
        { label: "Phone", value: c.phone ?? "" },
        { label: "Job title", value: c.jobTitle ?? "" },
      ],
      associations: [
        { label: "Company", type: "company", records: await companyById(db, c.companyId) },
        { label: "Deals", type: "deal", records: asRecords("deal", dealLinks) },
        { label: "Tickets", type: "ticket", records: await ticketsWhere(db, eq(tickets.contactId, id)) },
      ],
    };
  },

  columns: ["Email", "Job title", "Company"],
  async list(db, { pattern, limit, offset }) {
    const fullName = sql`${contacts.firstName} || ' ' || ${contacts.lastName}`;
    const where = pattern ? or(ilike(fullName, pattern), ilike(contacts.email, pattern)) : undefined;
    const rows = await db
      .select({ contact: contacts, companyName: companies.name })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(where)
      .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
      .limit(limit)
      .offset(offset);
    return {
      total: await countWhere(db, contacts, where),
      rows: rows.map(({ contact, companyName }) => ({ id: contact.id, name: contactName(contact), cells: [contact.email ?? "", contact.jobTitle ?? "", companyName ?? ""] })),
    };
  },
};

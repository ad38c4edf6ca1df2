import "server-only";
import { asc, eq, ilike } from "drizzle-orm";
import { companies, contacts, tickets } from "@/db/schema";
import { contactsOfCompany, dealsOfCompany, ticketsWhere } from "./associations";
import { countWhere, type RecordKind } from "./kind";

export const companyKind: RecordKind = {
  async summary(db, id) {
    const [row] = await db.select().from(companies).where(eq(companies.id, id));
    if (!row) return undefined;
    const people = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.companyId, id));
    return { type: "company", id, name: row.name, contactIds: people.map((p) => p.id) };
  },

  async detail(db, id) {
    const [c] = await db.select().from(companies).where(eq(companies.id, id));
    if (!c) return undefined;
    return {
      type: "company",
      id,
      name: c.name,
      properties: [
        { label: "Domain", value: c.domain ?? "" },
        { label: "Industry", value: c.industry ?? "" },
        { label: "City", value: c.city ?? "" },
      ],
      associations: [
        { label: "Contacts", type: "contact", records: await contactsOfCompany(db, id) },
        { label: "Deals", type: "deal", records: await dealsOfCompany(db, id) },
        { label: "Tickets", type: "ticket", records: await ticketsWhere(db, eq(tickets.companyId, id)) },
      ],
    };
  },

  columns: ["Domain", "Industry", "City"],
  async list(db, { pattern, limit, offset }) {
    const where = pattern ? ilike(companies.name, pattern) : undefined;
    const rows = await db.select().from(companies).where(where).orderBy(asc(companies.name), asc(companies.id)).limit(limit).offset(offset);
    return {
      total: await countWhere(db, companies, where),
      rows: rows.map((c) => ({ id: c.id, name: c.name, cells: [c.domain ?? "", c.industry ?? "", c.city ?? ""] })),
    };
  },
};

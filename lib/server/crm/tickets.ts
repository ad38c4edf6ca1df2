import "server-only";
import { asc, eq, ilike } from "drizzle-orm";
import { contacts, tickets } from "@/db/schema";
import { companyById, contactsByIds } from "./associations";
import { contactName, countWhere, type RecordKind } from "./kind";

export const ticketKind: RecordKind = {
  async summary(db, id) {
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    return row && { type: "ticket", id, name: row.subject, contactIds: row.contactId ? [row.contactId] : [] };
  },

  async detail(db, id) {
    const [t] = await db.select().from(tickets).where(eq(tickets.id, id));
    if (!t) return undefined;
    return {
      type: "ticket",
      id,
      name: t.subject,
      properties: [
        { label: "Status", value: t.status },
        { label: "Priority", value: t.priority },
      ],
      associations: [
        { label: "Contact", type: "contact", records: await contactsByIds(db, t.contactId ? [t.contactId] : []) },
        { label: "Company", type: "company", records: await companyById(db, t.companyId) },
      ],
    };
  },

  columns: ["Status", "Priority", "Contact"],
  async list(db, { pattern, limit, offset }) {
    const where = pattern ? ilike(tickets.subject, pattern) : undefined;
    const rows = await db
      .select({ ticket: tickets, firstName: contacts.firstName, lastName: contacts.lastName })
      .from(tickets)
      .leftJoin(contacts, eq(contacts.id, tickets.contactId))
      .where(where)
      .orderBy(asc(tickets.subject), asc(tickets.id))
      .limit(limit)
      .offset(offset);
    return {
      total: await countWhere(db, tickets, where),
      rows: rows.map(({ ticket, firstName, lastName }) => ({
        id: ticket.id,
        name: ticket.subject,
        cells: [ticket.status, ticket.priority, firstName !== null && lastName !== null ? contactName({ firstName, lastName }) : ""],
      })),
    };
  },
};

import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { companies, contacts, dealContacts, deals, tickets } from "@/db/schema";
import type { RecordType } from "@/lib/domain/records";

export interface RecordSummary {
  type: RecordType;
  id: string;
  name: string;
  /** The contacts a meeting booked from this record invites by default (§4). */
  contactIds: string[];
}

/** A CRM record's display name and its contacts, or undefined when it does not exist. */
export async function findRecordSummary(db: Database, type: RecordType, id: string): Promise<RecordSummary | undefined> {
  switch (type) {
    case "contact": {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
      return row && { type, id, name: `${row.firstName} ${row.lastName}`, contactIds: [row.id] };
    }
    case "company": {
      const [row] = await db.select().from(companies).where(eq(companies.id, id));
      if (!row) return undefined;
      const people = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.companyId, id));
      return { type, id, name: row.name, contactIds: people.map((p) => p.id) };
    }
    case "deal": {
      const [row] = await db.select().from(deals).where(eq(deals.id, id));
      if (!row) return undefined;
      const people = await db.select({ id: dealContacts.contactId }).from(dealContacts).where(eq(dealContacts.dealId, id));
      return { type, id, name: row.name, contactIds: people.map((p) => p.id) };
    }
    case "ticket": {
      const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
      return row && { type, id, name: row.subject, contactIds: row.contactId ? [row.contactId] : [] };
    }
  }
}

import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { companies, contacts, dealContacts, deals, tickets } from "@/db/schema";
import type { RecordType } from "@/lib/domain/records";
import { isEntityId } from "@/lib/server/validation";

export interface AssociatedRecord {
  type: RecordType;
  id: string;
  name: string;
}

export interface RecordDetail {
  type: RecordType;
  id: string;
  name: string;
  properties: Array<{ label: string; value: string }>;
  associations: Array<{ label: string; type: RecordType; records: AssociatedRecord[] }>;
}

const contactName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;
const asContacts = (rows: Array<{ id: string; firstName: string; lastName: string }>): AssociatedRecord[] =>
  rows.map((c) => ({ type: "contact", id: c.id, name: contactName(c) }));
const asRecords = (type: RecordType, rows: Array<{ id: string; name: string }>): AssociatedRecord[] =>
  rows.map((r) => ({ type, id: r.id, name: r.name }));

async function companyById(db: Database, id: string | null): Promise<AssociatedRecord[]> {
  if (!id) return [];
  return asRecords("company", await db.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.id, id)));
}

/** A record's properties and associations (§4), or undefined when there is no such record. */
export async function getRecordDetail(db: Database, type: RecordType, id: string): Promise<RecordDetail | undefined> {
  if (!isEntityId(id)) return undefined;
  const contactColumns = { id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName };
  switch (type) {
    case "contact": {
      const [c] = await db.select().from(contacts).where(eq(contacts.id, id));
      if (!c) return undefined;
      const dealLinks = await db.select({ id: deals.id, name: deals.name }).from(dealContacts).innerJoin(deals, eq(deals.id, dealContacts.dealId)).where(eq(dealContacts.contactId, id)).orderBy(asc(deals.name));
      const ticketRows = await db.select({ id: tickets.id, name: tickets.subject }).from(tickets).where(eq(tickets.contactId, id)).orderBy(asc(tickets.subject));
      return {
        type,
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
          { label: "Tickets", type: "ticket", records: asRecords("ticket", ticketRows) },
        ],
      };
    }
    case "company": {
      const [c] = await db.select().from(companies).where(eq(companies.id, id));
      if (!c) return undefined;
      const people = await db.select(contactColumns).from(contacts).where(eq(contacts.companyId, id)).orderBy(asc(contacts.lastName));
      const dealRows = await db.select({ id: deals.id, name: deals.name }).from(deals).where(eq(deals.companyId, id)).orderBy(asc(deals.name));
      const ticketRows = await db.select({ id: tickets.id, name: tickets.subject }).from(tickets).where(eq(tickets.companyId, id)).orderBy(asc(tickets.subject));
      return {
        type,
        id,
        name: c.name,
        properties: [
          { label: "Domain", value: c.domain ?? "" },
          { label: "Industry", value: c.industry ?? "" },
          { label: "City", value: c.city ?? "" },
        ],
        associations: [
          { label: "Contacts", type: "contact", records: asContacts(people) },
          { label: "Deals", type: "deal", records: asRecords("deal", dealRows) },
          { label: "Tickets", type: "ticket", records: asRecords("ticket", ticketRows) },
        ],
      };
    }
    case "deal": {
      const [d] = await db.select().from(deals).where(eq(deals.id, id));
      if (!d) return undefined;
      const links = await db.select({ contactId: dealContacts.contactId }).from(dealContacts).where(eq(dealContacts.dealId, id));
      const people = links.length
        ? await db.select(contactColumns).from(contacts).where(inArray(contacts.id, links.map((l) => l.contactId))).orderBy(asc(contacts.lastName))
        : [];
      return {
        type,
        id,
        name: d.name,
        properties: [
          { label: "Stage", value: d.stage },
          { label: "Amount", value: d.amount ? `$${Number(d.amount).toLocaleString("en-US")}` : "" },
          { label: "Close date", value: d.closeDate ?? "" },
        ],
        associations: [
          { label: "Company", type: "company", records: await companyById(db, d.companyId) },
          { label: "Contacts", type: "contact", records: asContacts(people) },
        ],
      };
    }
    case "ticket": {
      const [t] = await db.select().from(tickets).where(eq(tickets.id, id));
      if (!t) return undefined;
      const person = t.contactId ? await db.select(contactColumns).from(contacts).where(eq(contacts.id, t.contactId)) : [];
      return {
        type,
        id,
        name: t.subject,
        properties: [
          { label: "Status", value: t.status },
          { label: "Priority", value: t.priority },
        ],
        associations: [
          { label: "Contact", type: "contact", records: asContacts(person) },
          { label: "Company", type: "company", records: await companyById(db, t.companyId) },
        ],
      };
    }
  }
}

import "server-only";
import { asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { companies, contacts, deals, tickets } from "@/db/schema";
import { asContacts, asRecords, type AssociatedRecord } from "./kind";

// The association lists record pages show, shared by the record types that link to each other.

const contactColumns = { id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName };

export async function companyById(db: Database, id: string | null): Promise<AssociatedRecord[]> {
  if (!id) return [];
  return asRecords("company", await db.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.id, id)));
}

export async function contactsByIds(db: Database, ids: readonly string[]): Promise<AssociatedRecord[]> {
  if (ids.length === 0) return [];
  return asContacts(await db.select(contactColumns).from(contacts).where(inArray(contacts.id, [...ids])).orderBy(asc(contacts.lastName)));
}

export async function contactsOfCompany(db: Database, companyId: string): Promise<AssociatedRecord[]> {
  return asContacts(await db.select(contactColumns).from(contacts).where(eq(contacts.companyId, companyId)).orderBy(asc(contacts.lastName)));
}

export async function dealsOfCompany(db: Database, companyId: string): Promise<AssociatedRecord[]> {
  return asRecords("deal", await db.select({ id: deals.id, name: deals.name }).from(deals).where(eq(deals.companyId, companyId)).orderBy(asc(deals.name)));
}

export async function ticketsWhere(db: Database, where: SQL): Promise<AssociatedRecord[]> {
  return asRecords("ticket", await db.select({ id: tickets.id, name: tickets.subject }).from(tickets).where(where).orderBy(asc(tickets.subject)));
}

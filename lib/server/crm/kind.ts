import "server-only";
import { count, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import type { RecordType } from "@/lib/domain/records";

export interface RecordSummary {
  type: RecordType;
  id: string;
  name: string;
  /** The contacts a meeting booked from this record invites by default (§4). */
  contactIds: string[];
}

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

export interface RecordListRow {
  id: string;
  name: string;
  cells: string[];
}

export interface ListWindow {
  /** An ILIKE pattern for the search, or undefined for every record. */
  pattern: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Everything the app reads of one CRM record type (§4). Each type is one object of this shape
 * (crm/contacts.ts, companies.ts, deals.ts, tickets.ts), and the readers look it up in
 * RECORD_KINDS instead of switching over the type.
 */
export interface RecordKind {
  /** Display name and default attendees, for booking. */
  summary(db: Database, id: string): Promise<RecordSummary | undefined>;
  /** Properties and associations, for the record page. */
  detail(db: Database, id: string): Promise<RecordDetail | undefined>;
  /** The list page's extra columns, after the name. */
  columns: string[];
  list(db: Database, window: ListWindow): Promise<{ rows: RecordListRow[]; total: number }>;
}

export async function countWhere(db: Database, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

export const contactName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

export const asRecords = (type: RecordType, rows: Array<{ id: string; name: string }>): AssociatedRecord[] => rows.map((r) => ({ type, id: r.id, name: r.name }));

export const asContacts = (rows: Array<{ id: string; firstName: string; lastName: string }>): AssociatedRecord[] =>
  rows.map((c) => ({ type: "contact", id: c.id, name: contactName(c) }));

import "server-only";
import type { Database } from "@/db/client";
import type { RecordType } from "@/lib/domain/records";
import { companyKind } from "./companies";
import { contactKind } from "./contacts";
import { dealKind } from "./deals";
import type { RecordKind, RecordSummary } from "./kind";
import { ticketKind } from "./tickets";

export type { AssociatedRecord, RecordDetail, RecordListRow, RecordSummary } from "./kind";

/** The one table of CRM record types: add a type here and every reader knows it. */
export const RECORD_KINDS: Record<RecordType, RecordKind> = { contact: contactKind, company: companyKind, deal: dealKind, ticket: ticketKind };

/** A CRM record's display name and its contacts, or undefined when it does not exist. */
export function findRecordSummary(db: Database, type: RecordType, id: string): Promise<RecordSummary | undefined> {
  return RECORD_KINDS[type].summary(db, id);
}

import "server-only";
import type { Database } from "@/db/client";
import type { RecordType } from "@/lib/domain/records";
import { RECORD_KINDS, type RecordDetail } from "@/lib/server/crm/records";
import { isEntityId } from "@/lib/server/validation";

export type { AssociatedRecord, RecordDetail } from "@/lib/server/crm/records";

/** A record's properties and associations (§4), or undefined when there is no such record. */
export async function getRecordDetail(db: Database, type: RecordType, id: string): Promise<RecordDetail | undefined> {
  if (!isEntityId(id)) return undefined;
  return RECORD_KINDS[type].detail(db, id);
}

import "server-only";
import type { Database } from "@/db/client";
import { auditEvents, type NewAuditEvent } from "@/db/schema";

/** Appends to a rotation's history (R12), in the caller's transaction. */
export async function recordAudit(tx: Database, events: NewAuditEvent | NewAuditEvent[]): Promise<void> {
  const rows = Array.isArray(events) ? events : [events];
  if (rows.length > 0) await tx.insert(auditEvents).values(rows);
}

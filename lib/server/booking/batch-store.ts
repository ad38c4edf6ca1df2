import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { countEntries, meetingAttendees, meetings, rotationMembers, rotations, type NewAuditEvent } from "@/db/schema";
import { recordAudit } from "@/lib/server/audit";
import { enqueueMeetingChange } from "@/lib/server/outbox/enqueue";
import type { meetingToInsert } from "./booked-meeting";

export interface BatchWrites {
  rotationId: string;
  meetings: Array<ReturnType<typeof meetingToInsert>["row"]>;
  attendees: Array<{ meetingId: string; contactId: string }>;
  audits: NewAuditEvent[];
  /** Per host: how many meetings the batch gives them and the number of the latest. */
  hosts: Map<string, { added: number; latestSeq: number }>;
  lastBookingSeq: number;
}

/**
 * Writes a decided batch. The statements do not depend on each other's results (ids and
 * numbers are made before), so they are sent together: postgres.js pipelines them in this
 * order, one round trip while the lock is held. If one fails, the transaction rolls back whole.
 */
export async function writeBatch(tx: Database, writes: BatchWrites): Promise<void> {
  if (writes.meetings.length === 0) return;
  const statements: Array<Promise<unknown>> = [tx.insert(meetings).values(writes.meetings)];
  if (writes.attendees.length > 0) statements.push(tx.insert(meetingAttendees).values(writes.attendees));
  statements.push(
    tx.update(rotations).set({ bookingSeq: writes.lastBookingSeq }).where(eq(rotations.id, writes.rotationId)),
    addToCounts(tx, writes.rotationId, writes.hosts),
    openLedgerEntries(tx, writes.meetings.map((m) => String(m.id))),
    recordAudit(tx, writes.audits),
  );
  await Promise.all(statements);
  // C4, C5: calendar write-back and invitations, in the bookings' own transaction.
  await enqueueMeetingChange(tx, { kind: "booked", meetingIds: writes.meetings.map((m) => String(m.id)) });
}

/** R13: each meeting's +1 in the ledger, as the meeting row has it (host, generation, counting time). */
function openLedgerEntries(tx: Database, meetingIds: string[]) {
  return tx.execute(sql`
    insert into ${countEntries} (rotation_id, user_id, generation, delta, cause, meeting_id, counts_at, actor_user_id)
    select m.rotation_id, m.host_user_id, m.rotation_generation, 1, 'meeting', m.id, m.counted_at, m.booked_by_user_id
    from ${meetings} m where m.rotation_id is not null and m.id in (${sql.join(meetingIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** One statement for every host of the batch: R6's +1 per meeting, recency = their latest booking (R8). */
function addToCounts(tx: Database, rotationId: string, hosts: BatchWrites["hosts"]) {
  const rows = JSON.stringify([...hosts].map(([userId, h]) => ({ user_id: userId, added: h.added, latest_seq: h.latestSeq })));
  return tx.execute(sql`
    update ${rotationMembers}
    set booked_count = ${rotationMembers}.booked_count + v.added,
        last_scheduled_seq = v.latest_seq,
        last_scheduled_at = (select m.counted_at from ${meetings} m where m.rotation_id = ${rotationId} and m.rotation_seq = v.latest_seq)
    from json_to_recordset(${rows}::json) as v(user_id text, added int, latest_seq int)
    where ${rotationMembers}.rotation_id = ${rotationId} and ${rotationMembers}.user_id = v.user_id`);
}

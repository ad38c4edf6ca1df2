import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetingAttendees, meetings, rotationMembers, users, type NewAuditEvent } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/result";
import { createRotationLedger, type HostCalendar } from "@/lib/domain/rotation-ledger";
import type { Interval } from "@/lib/domain/slots";
import { recordAudit } from "@/lib/server/audit";
import { loadBlockIntervals, loadMeetingIntervals } from "@/lib/server/calendar/busy";
import { inTransaction } from "@/lib/server/transaction";
import { meetingToInsert, type BookedMeeting, type ReadyBooking } from "@/lib/server/use-cases/booked-meeting";
import { loadCandidates, lockRotation } from "./repository";

/**
 * A batch that failed as a whole for a reason of one of its bookings (a slot taken through
 * another rotation, a contact deleted meanwhile): nothing was written, and each booking is
 * worth trying again on its own so that only the culprit fails.
 */
export class BatchRefused extends Error {}

/**
 * Books several meetings of one rotation in one transaction: lock the rotation, read its
 * members and their calendars, decide each booking in turn (createRotationLedger: exactly
 * as if they had been booked one after another), then write them all. Four round trips
 * under the lock whatever the batch size. The answers come back in the bookings' order.
 */
export async function bookRotationBatch(db: Database, rotationId: string, bookings: readonly ReadyBooking[]): Promise<Result<BookedMeeting>[]> {
  const outcome = await inTransaction(db, async (tx) => {
    const rotation = await lockRotation(tx, rotationId);
    if (!rotation) return ok(bookings.map(() => fail<BookedMeeting>("rotation_not_found", "This rotation does not exist.")));
    // After the lock, so both see every booking committed before it; sent together, one round trip.
    const [candidates, calendars] = await Promise.all([loadCandidates(tx, rotationId), loadMemberCalendars(tx, rotationId, bookings.map((b) => b.interval))]);
    const ledger = createRotationLedger({ candidates, mode: rotation.distribution, calendars, now: rotation.lockedAt });

    const answers: Result<BookedMeeting>[] = [];
    const rows: Array<ReturnType<typeof meetingToInsert>["row"]> = [];
    const attendees: Array<{ meetingId: string; contactId: string }> = [];
    const audits: NewAuditEvent[] = [];
    const hosts = new Map<string, { added: number; latest: Date }>();
    for (const booking of bookings) {
      const assigned = ledger.assign({ interval: booking.interval, hostUserId: booking.input.hostUserId });
      if (!assigned.ok) {
        answers.push(assigned);
        continue;
      }
      const { host, ranking, isOverride, bookedAt } = assigned.value;
      const { row, booked } = meetingToInsert(randomUUID(), booking, { host, ranking, isOverride, generation: rotation.resetGeneration, bookedAt });
      answers.push(ok(booked));
      rows.push(row);
      attendees.push(...booking.attendeeContactIds.map((contactId) => ({ meetingId: booked.meetingId, contactId })));
      hosts.set(host, { added: (hosts.get(host)?.added ?? 0) + 1, latest: bookedAt });
      audits.push({
        rotationId,
        type: "meeting_booked",
        actorUserId: booking.actor.id,
        meetingId: booked.meetingId,
        proposedHostUserId: booked.proposedHostUserId,
        chosenHostUserId: host,
        isOverride,
        details: { title: booking.input.title, startsAt: booking.interval.start.toISOString(), autoAssigned: !booking.input.hostUserId },
      });
    }
    if (rows.length > 0) {
      // Independent of each other's results (ids and times are made here), so sent together:
      // postgres.js pipelines them in this order, one round trip while the lock is held. If
      // one fails, the transaction rolls back whole.
      const writes: Array<Promise<unknown>> = [tx.insert(meetings).values(rows)];
      if (attendees.length > 0) writes.push(tx.insert(meetingAttendees).values(attendees));
      writes.push(addToCounts(tx, rotationId, hosts), recordAudit(tx, audits));
      await Promise.all(writes);
    }
    return ok(answers);
  });
  if (outcome.ok) return outcome.value;
  // A lost connection may have committed (during COMMIT): never tried again (docs/operations.md).
  if (bookings.length > 1 && outcome.error.code !== "unavailable") throw new BatchRefused(outcome.error.message);
  return bookings.map(() => outcome);
}

/** Working hours and busy time of the rotation's current members around the given times. */
async function loadMemberCalendars(tx: Database, rotationId: string, windows: readonly Interval[]): Promise<Map<string, HostCalendar>> {
  const members = tx.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
  const distinct = [...new Map(windows.map((w) => [`${w.start.getTime()}/${w.end.getTime()}`, w])).values()];
  const [schedules, booked, blocked] = await Promise.all([
    tx
      .select({ userId: users.id, timeZone: users.timeZone, workingHours: users.workingHours })
      .from(users)
      .innerJoin(rotationMembers, eq(rotationMembers.userId, users.id))
      .where(eq(rotationMembers.rotationId, rotationId)),
    loadMeetingIntervals(tx, members, distinct),
    loadBlockIntervals(tx, members, distinct),
  ]);
  const calendars = new Map<string, HostCalendar>(schedules.map((s) => [s.userId, { timeZone: s.timeZone, workingHours: s.workingHours, busy: [] }]));
  for (const busy of [...booked, ...blocked]) calendars.get(busy.userId)?.busy.push(busy);
  return calendars;
}

/** One statement for every host of the batch: count + n, recency = their latest booking (R6, R8). */
function addToCounts(tx: Database, rotationId: string, hosts: Map<string, { added: number; latest: Date }>) {
  const rows = JSON.stringify([...hosts].map(([userId, h]) => ({ user_id: userId, added: h.added, latest: h.latest.toISOString() })));
  return tx.execute(sql`
    update ${rotationMembers}
    set booked_count = ${rotationMembers}.booked_count + v.added,
        last_scheduled_at = greatest(${rotationMembers}.last_scheduled_at, v.latest)
    from json_to_recordset(${rows}::json) as v(user_id text, added int, latest timestamptz)
    where ${rotationMembers}.rotation_id = ${rotationId} and ${rotationMembers}.user_id = v.user_id`);
}

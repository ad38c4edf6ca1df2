import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { decideRotationBookings } from "@/lib/domain/decide-rotation-bookings";
import { fail, ok, type Result } from "@/lib/domain/result";
import { loadMemberFacts } from "@/lib/server/fairness/member-state";
import { lockRotation } from "@/lib/server/rotations/repository";
import { inTransaction } from "@/lib/server/transaction";
import { loadMemberCalendars } from "@/lib/server/calendar/member-calendars";
import { writeBatch, type BatchWrites } from "./batch-store";
import { meetingToInsert, type BookedMeeting, type ReadyBooking } from "./booked-meeting";

/** One answer per booking of a batch, in the bookings' order. */
export type BatchAnswers = Result<BookedMeeting>[];

/**
 * Books several meetings of one rotation in one transaction: lock the rotation, read its
 * members (counts under the rotation's settings, out-of-office periods, meetings for caps)
 * and their calendars, decide each booking in turn (decideRotationBookings: exactly
 * as if they had been booked one after another), then write them all. Four round trips
 * under the lock whatever the batch size.
 *
 * The outer result fails when the database refused the batch as a whole (a host's time taken
 * meanwhile through another rotation, `slot_taken`; the database away, `unavailable`):
 * nothing of it was written, and the caller decides what to try again.
 */
export async function bookRotationBatch(db: Database, rotationId: string, bookings: readonly ReadyBooking[]): Promise<Result<BatchAnswers>> {
  return inTransaction(db, async (tx) => {
    const rotation = await lockRotation(tx, rotationId);
    if (!rotation) return ok(bookings.map(() => fail<BookedMeeting>("rotation_not_found", "This rotation does not exist.")));
    // After the lock, so both see every booking committed before it; sent together, one round trip.
    const times = bookings.map((b) => b.interval);
    const [facts, calendars] = await Promise.all([loadMemberFacts(tx, rotation, rotation.lockedAt, times), loadMemberCalendars(tx, rotationId, times)]);
    const fairness = { caps: facts.settings.caps, timeZone: facts.settings.timeZone, ...facts.skipData };
    const decided = decideRotationBookings(
      { candidates: facts.candidates, mode: rotation.distribution, fairness, calendars, now: rotation.lockedAt, lastBookingSeq: rotation.bookingSeq },
      bookings.map((booking) => ({ interval: booking.interval, hostUserId: booking.input.hostUserId, shownProposalUserId: booking.input.shownProposalUserId, booking })),
    );

    const writes: BatchWrites = { rotationId, meetings: [], attendees: [], audits: [], hosts: new Map(), lastBookingSeq: rotation.bookingSeq };
    const answers = decided.map(({ request: { booking }, decision }): Result<BookedMeeting> => {
      if (!decision.ok) return decision;
      const { host, ranking, isOverride, seq } = decision.value;
      const { row, booked } = meetingToInsert(randomUUID(), booking, { host, ranking, isOverride, generation: rotation.resetGeneration, rotationSeq: seq });
      writes.meetings.push(row);
      writes.attendees.push(...booking.attendeeContactIds.map((contactId) => ({ meetingId: booked.meetingId, contactId })));
      writes.hosts.set(host, { added: (writes.hosts.get(host)?.added ?? 0) + 1, latestSeq: seq });
      writes.lastBookingSeq = seq;
      writes.audits.push({
        rotationId,
        type: "meeting_booked",
        actorUserId: booking.actor.id,
        meetingId: booked.meetingId,
        proposedHostUserId: booked.proposedHostUserId,
        chosenHostUserId: host,
        isOverride,
        details: { title: booking.input.title, startsAt: booking.interval.start.toISOString(), autoAssigned: !booking.input.hostUserId },
      });
      return ok(booked);
    });
    await writeBatch(tx, writes);
    return ok(answers);
  });
}

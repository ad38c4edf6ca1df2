import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { meetingAttendees, meetings } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/result";
import { loadBusyIntervals } from "@/lib/server/calendar/busy";
import { wakeOutbox } from "@/lib/server/jobs/in-app";
import { enqueueMeetingChange } from "@/lib/server/outbox/enqueue";
import { inTransaction } from "@/lib/server/transaction";
import { meetingToInsert, type BookedMeeting, type ReadyBooking } from "./booked-meeting";

/** A rep's meeting on their own calendar: no rotation, no lock; the exclusion constraint decides races. */
export async function bookOnOwnCalendar(db: Database, booking: ReadyBooking): Promise<Result<BookedMeeting>> {
  const result = await inTransaction(db, async (tx) => {
    const host = booking.actor.id;
    const busy = await loadBusyIntervals(tx, [host], booking.interval.start, booking.interval.end);
    if (busy.length > 0) return fail("slot_taken", "You are busy at that time.");
    const { row, booked } = meetingToInsert(randomUUID(), booking, { host, ranking: null, isOverride: false, generation: null, rotationSeq: null });
    await tx.insert(meetings).values(row);
    if (booking.attendeeContactIds.length > 0) {
      await tx.insert(meetingAttendees).values(booking.attendeeContactIds.map((contactId) => ({ meetingId: booked.meetingId, contactId })));
    }
    await enqueueMeetingChange(tx, { kind: "booked", meetingIds: [booked.meetingId] });
    return ok(booked);
  });
  if (result.ok) wakeOutbox();
  return result;
}

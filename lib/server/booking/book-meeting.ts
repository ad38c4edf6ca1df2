import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { contacts } from "@/db/schema";
import { canBookOwnMeetings, canBookWithRotation } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { findRecordSummary } from "@/lib/server/crm/records";
import { parseInput } from "@/lib/server/validation";
import { BOOKING_HORIZON_DAYS, bookMeetingInputSchema, type BookMeetingInput } from "./input";
import type { BookedMeeting, ReadyBooking } from "./booked-meeting";
import { bookOncePerKey } from "./idempotency";
import { bookOnOwnCalendar } from "./own-calendar";
import { submitRotationBooking } from "./queue";

export type { BookedMeeting } from "./booked-meeting";

const DAY_MS = 86_400_000;

/**
 * Books a meeting from a CRM record: on the rep's own calendar, or through a rotation with
 * a chosen host (the proposal or an override, R6/R9) or none (auto-assign, R11). Rotation
 * bookings are decided and written under the rotation's lock, in batches with the other
 * bookings waiting for it (./queue), so each sees the counts of those before
 * it; the exclusion constraint has the last word on overlaps.
 */
export async function bookMeeting(db: Database, actor: Actor, input: unknown, now: Date = new Date(), options: BookingOptions = {}): Promise<Result<BookedMeeting>> {
  const { idempotencyKey } = options;
  if (idempotencyKey === undefined) return bookAsked(db, actor, input, now);
  // Authorized first, so a refused caller cannot use keys to probe anything.
  if (!mayBook(actor, input)) return bookAsked(db, actor, input, now);
  return bookOncePerKey(db, actor, idempotencyKey, input, () => bookAsked(db, actor, input, now, idempotencyKey));
}

export interface BookingOptions {
  /** C7: a retry with the same key gets the first answer instead of booking again. */
  idempotencyKey?: string;
}

function mayBook(actor: Actor, input: unknown): boolean {
  return asksForRotation(input) ? canBookWithRotation(actor) : canBookOwnMeetings(actor);
}

async function bookAsked(db: Database, actor: Actor, input: unknown, now: Date, idempotencyKey?: string): Promise<Result<BookedMeeting>> {
  // Authorize before parsing: someone without the rights is refused whatever they send (R4),
  // so a malformed body must not earn them a validation error that describes the schema.
  if (!mayBook(actor, input)) {
    return asksForRotation(input)
      ? fail("forbidden", "You need a seat and the permission “Create scheduling pages for others” to book through a rotation.")
      : fail("forbidden", "You need a seat to book meetings.");
  }
  const parsed = parseInput(bookMeetingInputSchema, input);
  if (!parsed.ok) return parsed;
  const booking = parsed.value;
  if (!booking.rotationId && booking.hostUserId && booking.hostUserId !== actor.id) {
    return fail("forbidden", "Book for someone else through a meeting rotation.");
  }
  const interval = { start: booking.start, end: new Date(booking.start.getTime() + booking.durationMinutes * 60_000) };
  if (interval.start < now) return fail("in_the_past", "That time has already passed.", { start: ["That time has already passed."] });
  if (interval.start.getTime() > now.getTime() + BOOKING_HORIZON_DAYS * DAY_MS) {
    return fail("validation", "Book at most a year ahead.", { start: ["Book at most a year ahead."] });
  }

  const record = await findRecordSummary(db, booking.recordType, booking.recordId);
  if (!record) return fail("record_not_found", "This record does not exist.");
  const attendees = await resolveAttendees(db, booking, record.contactIds);
  if (!attendees.ok) return attendees;
  const ready: ReadyBooking = { actor, input: booking, interval, attendeeContactIds: attendees.value, idempotencyKey };
  // Through a rotation: decided and written with the rotation's other pending bookings (R11).
  if (booking.rotationId) return submitRotationBooking(db, booking.rotationId, ready);
  return bookOnOwnCalendar(db, ready);
}

function asksForRotation(input: unknown): boolean {
  return typeof input === "object" && input !== null && (input as { rotationId?: unknown }).rotationId != null;
}

async function resolveAttendees(db: Database, booking: BookMeetingInput, recordContactIds: string[]): Promise<Result<string[]>> {
  if (!booking.attendeeContactIds) return ok(recordContactIds);
  const wanted = [...new Set(booking.attendeeContactIds)];
  if (wanted.length === 0) return ok([]);
  const found = await db.select({ id: contacts.id }).from(contacts).where(inArray(contacts.id, wanted));
  if (found.length !== wanted.length) {
    return fail("validation", "Some attendees do not exist.", { attendeeContactIds: ["Some attendees do not exist."] });
  }
  return ok(wanted);
}

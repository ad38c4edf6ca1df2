import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { contacts, meetingAttendees, meetings, rotationMembers } from "@/db/schema";
import { canBookOwnMeetings, canBookWithRotation } from "@/lib/domain/permissions";
import { describeIneligibility, firstProposable, rankMembers, type RankedMember, type Ranking } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Interval } from "@/lib/domain/slots";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { loadBusyIntervals } from "@/lib/server/calendar/busy";
import { findRecordSummary } from "@/lib/server/crm/records";
import { hostStatesUnderLock, memberCalendarStates } from "@/lib/server/rotations/host-availability";
import { loadCandidates, lockRotation } from "@/lib/server/rotations/repository";
import { inTransaction } from "@/lib/server/transaction";
import { parseInput } from "@/lib/server/validation";
import { BOOKING_HORIZON_DAYS, bookMeetingInputSchema, type BookMeetingInput } from "./book-meeting-input";

export interface BookedMeeting {
  meetingId: string;
  hostUserId: string;
  startsAt: Date;
  endsAt: Date;
  rotationId: string | null;
  proposedHostUserId: string | null;
  isOverride: boolean;
  /** The ranking the host was chosen from, for rotation bookings. */
  ranking: Ranking | null;
}

type Tx = Database;

const DAY_MS = 86_400_000;

/**
 * Books a meeting from a CRM record: on the rep's own calendar, or through a rotation with
 * a chosen host (the proposal or an override, R6/R9) or none (auto-assign, R11). Rotation
 * bookings hold the rotation's lock from the ranking to the count update, so concurrent
 * bookings see each other's counts; the exclusion constraint has the last word on overlaps.
 */
export async function bookMeeting(db: Database, actor: Actor, input: unknown, now: Date = new Date()): Promise<Result<BookedMeeting>> {
  // Authorize before parsing: someone without the rights is refused whatever they send (R4),
  // so a malformed body must not earn them a validation error that describes the schema.
  const throughRotation = asksForRotation(input);
  if (!(throughRotation ? canBookWithRotation(actor) : canBookOwnMeetings(actor))) {
    return throughRotation
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

  return inTransaction(db, async (tx) => {
    const record = await findRecordSummary(tx, booking.recordType, booking.recordId);
    if (!record) return fail("record_not_found", "This record does not exist.");
    const attendees = await resolveAttendees(tx, booking, record.contactIds);
    if (!attendees.ok) return attendees;

    const choice = booking.rotationId
      ? await chooseRotationHost(tx, booking.rotationId, booking.hostUserId, interval)
      : await checkOwnCalendar(tx, actor.id, interval);
    if (!choice.ok) return choice;
    const { host, ranking, generation } = choice.value;

    const proposedHostUserId = ranking?.proposed?.userId ?? null;
    // An override is the rep's choice of someone else (R9); auto-assign skipping a busy
    // proposed member is the rule at work, not an override.
    const isOverride = ranking !== null && booking.hostUserId !== undefined && proposedHostUserId !== host;
    const meeting = { id: randomUUID() };
    // The writes do not depend on each other's results (the id is made here), so they are
    // sent together: postgres.js pipelines them, one round trip while the lock is held. They
    // run in order; if the insert fails (a taken slot), the rest fail with it and roll back.
    const writes: Array<Promise<unknown>> = [
      tx.insert(meetings).values({
        id: meeting.id,
        hostUserId: host,
        bookedByUserId: actor.id,
        rotationId: booking.rotationId ?? null,
        rotationGeneration: generation,
        recordType: booking.recordType,
        recordId: booking.recordId,
        title: booking.title,
        startsAt: interval.start,
        endsAt: interval.end,
        location: booking.location || null,
        // The wall clock, not the transaction's start: a booking that waited for the lock
        // is more recent than the one it waited for (R8 recency).
        createdAt: sql`clock_timestamp()`,
      }),
    ];
    if (attendees.value.length > 0) {
      writes.push(tx.insert(meetingAttendees).values(attendees.value.map((contactId) => ({ meetingId: meeting.id, contactId }))));
    }
    if (booking.rotationId) {
      writes.push(
        tx
          .update(rotationMembers)
          .set({
            bookedCount: sql`${rotationMembers.bookedCount} + 1`,
            // Read back in SQL, not from a returned Date, to keep the microseconds (see latestScheduledAtSql).
            lastScheduledAt: sql`greatest(${rotationMembers.lastScheduledAt}, (select ${meetings.createdAt} from ${meetings} where ${meetings.id} = ${meeting.id}))`,
          })
          .where(and(eq(rotationMembers.rotationId, booking.rotationId), eq(rotationMembers.userId, host))),
        recordAudit(tx, {
          rotationId: booking.rotationId,
          type: "meeting_booked",
          actorUserId: actor.id,
          meetingId: meeting.id,
          proposedHostUserId,
          chosenHostUserId: host,
          isOverride,
          details: { title: booking.title, startsAt: interval.start.toISOString(), autoAssigned: !booking.hostUserId },
        }),
      );
    }
    await Promise.all(writes);
    return ok({
      meetingId: meeting.id,
      hostUserId: host,
      startsAt: interval.start,
      endsAt: interval.end,
      rotationId: booking.rotationId ?? null,
      proposedHostUserId,
      isOverride,
      ranking,
    });
  });
}

function asksForRotation(input: unknown): boolean {
  return typeof input === "object" && input !== null && (input as { rotationId?: unknown }).rotationId != null;
}

interface HostChoice {
  host: string;
  ranking: Ranking | null;
  generation: number | null;
}

async function resolveAttendees(tx: Tx, booking: BookMeetingInput, recordContactIds: string[]): Promise<Result<string[]>> {
  if (!booking.attendeeContactIds) return ok(recordContactIds);
  const wanted = [...new Set(booking.attendeeContactIds)];
  if (wanted.length === 0) return ok([]);
  const found = await tx.select({ id: contacts.id }).from(contacts).where(inArray(contacts.id, wanted));
  if (found.length !== wanted.length) {
    return fail("validation", "Some attendees do not exist.", { attendeeContactIds: ["Some attendees do not exist."] });
  }
  return ok(wanted);
}

async function checkOwnCalendar(tx: Tx, userId: string, interval: Interval): Promise<Result<HostChoice>> {
  const busy = await loadBusyIntervals(tx, [userId], interval.start, interval.end);
  if (busy.length > 0) return fail("slot_taken", "You are busy at that time.");
  return ok({ host: userId, ranking: null, generation: null });
}

async function chooseRotationHost(tx: Tx, rotationId: string, hostUserId: string | undefined, interval: Interval): Promise<Result<HostChoice>> {
  const calendars = await memberCalendarStates(tx, rotationId, interval);
  const rotation = await lockRotation(tx, rotationId);
  if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
  const ranking = rankMembers(await loadCandidates(tx, rotationId), rotation.distribution);
  const generation = rotation.resetGeneration;

  if (hostUserId) {
    const member = ranking.members.find((m) => m.userId === hostUserId);
    const refusal = member ? refuseHost(member) : fail<never>("not_a_member", "That user is not a member of this rotation.");
    if (refusal) return refusal;
    const state = (await hostStatesUnderLock(tx, [hostUserId], interval, calendars)).get(hostUserId);
    if (state === "outside_working_hours") {
      return fail("outside_working_hours", `That time is outside ${member?.name ?? "the host"}'s working hours.`);
    }
    if (state !== "free") return fail("slot_taken", "That host is not free at that time.");
    return ok({ host: hostUserId, ranking, generation });
  }

  const proposable = ranking.members.filter((m) => m.status === "proposable").map((m) => m.userId);
  const states = await hostStatesUnderLock(tx, proposable, interval, calendars);
  const chosen = firstProposable(ranking, (m) => states.get(m.userId) === "free");
  if (!chosen) return fail("no_member_available", "No available member of this rotation is free at that time.");
  return ok({ host: chosen.userId, ranking, generation });
}

function refuseHost(member: RankedMember): Result<never> | null {
  if (member.status === "not_eligible") {
    return fail("not_eligible", `${member.name} can't take meetings: ${describeIneligibility(member.ineligibleReasons).toLowerCase()}.`);
  }
  if (member.status === "unavailable") return fail("member_unavailable", `${member.name} is not available in this rotation.`);
  return null;
}

import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, meetings, rotations } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { bookRotationBatch } from "@/lib/server/booking/batch";
import type { BookedMeeting, ReadyBooking } from "@/lib/server/booking/booked-meeting";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

function ready(actor: Actor, contactId: string, rotationId: string, start: string, hostUserId?: string): ReadyBooking {
  const startsAt = new Date(start);
  return {
    actor,
    input: { recordType: "contact", recordId: contactId, title: "Intro call", start: startsAt, durationMinutes: 30, rotationId, hostUserId },
    interval: { start: startsAt, end: new Date(startsAt.getTime() + 30 * 60_000) },
    attendeeContactIds: [contactId],
  };
}

const hostOf = (r: Result<BookedMeeting>) => (r.ok ? r.value.hostUserId : r.error.code);

describeEachDatabase("a batch of rotation bookings", (current) => {
  it("R6, R8, R12: decides in order, writes each meeting with its audit row, and the next proposal sees their recency", async () => {
    const { db } = current();
    const { rep, contactId, rotationId } = await rotationFixture(db, ["m1", "m2", "m3"]);
    const results = unwrap(
      await bookRotationBatch(db, rotationId, [
        ready(rep, contactId, rotationId, slot(0), "m3"), // an override: m1 was proposed
        ready(rep, contactId, rotationId, slot(1)),
        ready(rep, contactId, rotationId, slot(2)),
        ready(rep, contactId, rotationId, slot(2), "m2"), // m2 took that time one booking earlier
      ]),
    );
    expect(results.map(hostOf)).toEqual(["m3", "m1", "m2", "slot_taken"]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 1, m3: 1 });

    // All three have one meeting; m3 was booked first, so it is now the least recent. The
    // batch's meetings may share a creation time; their numbers in the rotation order them.
    expect(unwrap(await getProposal(db, rep, rotationId)).ranking.proposed?.userId).toBe("m3");
    const numbered = await db.select({ host: meetings.hostUserId, seq: meetings.rotationSeq }).from(meetings).orderBy(asc(meetings.rotationSeq));
    expect(numbered).toEqual([{ host: "m3", seq: 1 }, { host: "m1", seq: 2 }, { host: "m2", seq: 3 }]);
    const [rotation] = await db.select({ bookingSeq: rotations.bookingSeq }).from(rotations).where(eq(rotations.id, rotationId));
    expect(rotation?.bookingSeq).toBe(3);

    const audits = await db.select().from(auditEvents).where(eq(auditEvents.type, "meeting_booked"));
    expect(audits.map((a) => [a.chosenHostUserId, a.proposedHostUserId, a.isOverride]).sort()).toEqual([
      ["m1", "m1", false],
      ["m2", "m2", false],
      ["m3", "m1", true],
    ]);
  });

  it("answers rotation_not_found for every booking of a rotation that does not exist, writing nothing", async () => {
    const { db } = current();
    const { rep, contactId } = await rotationFixture(db, ["m1"]);
    const missing = "00000000-0000-4000-8000-000000000000";
    const results = unwrap(await bookRotationBatch(db, missing, [ready(rep, contactId, missing, slot(0)), ready(rep, contactId, missing, slot(1))]));
    expect(results.map(hostOf)).toEqual(["rotation_not_found", "rotation_not_found"]);
    expect(await db.select().from(meetings)).toEqual([]);
  });
});

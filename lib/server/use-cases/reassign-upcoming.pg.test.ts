import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, rotationMembers } from "@/db/schema";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { reassignUpcomingMeetings } from "@/lib/server/use-cases/reassign-meeting";
import { NOW, bookingInput, codes, overlappingPairs, rotationFixture } from "@/test/booking-fixture";
import { testDatabaseKinds, useTwoInstances } from "@/test/db";
import { ALWAYS_WORKING } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

// Only meaningful on PostgreSQL: PGlite runs one transaction at a time (STYLE rule 11).
const MONDAY_MIDNIGHT = Date.parse("2030-01-07T00:00:00Z");
const quarter = (day: number, n: number) => new Date(MONDAY_MIDNIGHT + day * 86_400_000 + n * 900_000).toISOString();
const MEMBERS = ["m1", "m2", "m3", "m4", "m5"].map((id) => ({ id, workingHours: ALWAYS_WORKING }));

describe.runIf(testDatabaseKinds().includes("postgres"))("reassigning all of a member's meetings under concurrent bookings [postgres]", () => {
  const { db, instance } = useTwoInstances();

  it("R19, R11: a leaving member's 20 meetings move while 100 bookings run at once: counts exact, nothing lost, no overlaps", async () => {
    const { rotationId, rep, admin, contactId, book } = await rotationFixture(db(), MEMBERS);
    // m1's meetings sit at the same times as some of the concurrent bookings, so both compete for the same hosts.
    for (let n = 0; n < 20; n++) unwrap(await book(quarter(0, 2 * n), "m1"));
    // The rep leaves: switched off first, so new bookings go to the others.
    await db().update(rotationMembers).set({ available: false }).where(and(eq(rotationMembers.rotationId, rotationId), eq(rotationMembers.userId, "m1")));

    const bookings = Array.from({ length: 100 }, (_, i) =>
      bookMeeting(instance(i), rep, bookingInput(contactId, quarter(Math.floor(i / 40), i % 40), { rotationId, durationMinutes: 15 }), NOW),
    );
    const [moved, ...booked] = await Promise.all([reassignUpcomingMeetings(instance(1), admin, rotationId, "m1", { reason: "Leaving the team" }), ...bookings]);

    expect(codes(booked)).toEqual({ ok: 100 });
    const result = unwrap(moved);
    expect(result.kept).toEqual([]);
    expect(result.reassigned).toHaveLength(20);
    expect(new Set(result.reassigned.map((r) => r.meetingId)).size).toBe(20);
    const counts = await expectCountsDerived(db(), rotationId);
    expect(counts.m1).toBe(0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(120);
    const [live] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(meetings)
      .where(and(eq(meetings.rotationId, rotationId), isNull(meetings.deletedAt)));
    expect(live?.n).toBe(120);
    expect(await overlappingPairs(db())).toBe(0);
  });
});

import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, rotations } from "@/db/schema";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { NOW, bookingInput, codes, overlappingPairs, rotationFixture } from "@/test/booking-fixture";
import { testDatabaseKinds, useTwoInstances } from "@/test/db";
import { ALWAYS_WORKING } from "@/test/factories";
import { expectCountsDerived } from "@/test/rotation-counts";

// Only meaningful on PostgreSQL: PGlite runs one transaction at a time (STYLE rule 11).
const MONDAY_MIDNIGHT = Date.parse("2030-01-07T00:00:00Z");
const quarter = (day: number, n: number) => new Date(MONDAY_MIDNIGHT + day * 86_400_000 + n * 900_000).toISOString();
const MEMBERS = ["m1", "m2", "m3", "m4", "m5"].map((id) => ({ id, workingHours: ALWAYS_WORKING }));

/** Meetings per member per UTC day (the members' zone), from the table itself. */
async function perMemberPerDay(db: ReturnType<ReturnType<typeof useTwoInstances>["db"]>, rotationId: string) {
  return db
    .select({ host: meetings.hostUserId, day: sql<string>`(${meetings.startsAt} at time zone 'UTC')::date::text`, n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(and(eq(meetings.rotationId, rotationId), isNull(meetings.deletedAt)))
    .groupBy(meetings.hostUserId, sql`1, 2`);
}

describe.runIf(testDatabaseKinds().includes("postgres"))("caps under concurrent bookings [postgres]", () => {
  const { db, instance } = useTwoInstances();

  it("R18, R11: 200 auto-assigns at once from two instances, one member far behind: nobody over the daily cap, the others within one", async () => {
    const { rotationId, rep, contactId, book } = await rotationFixture(db(), MEMBERS);
    // m2–m5 have 20 meetings each and m1 none: without the cap m1 would take every booking of the first days.
    for (const host of ["m2", "m3", "m4", "m5"]) for (let n = 0; n < 20; n++) expect((await book(quarter(10, 2 * n), host)).ok).toBe(true);
    await db().update(rotations).set({ dailyCap: 12 }).where(eq(rotations.id, rotationId));
    const starts = Array.from({ length: 200 }, (_, i) => quarter(Math.floor(i / 40), i % 40));
    const results = await Promise.all(starts.map((start, i) => bookMeeting(instance(i), rep, bookingInput(contactId, start, { rotationId, durationMinutes: 15 }), NOW)));

    expect(codes(results)).toEqual({ ok: 200 });
    const days = (await perMemberPerDay(db(), rotationId)).filter((d) => d.day !== "2030-01-17");
    expect(Math.max(...days.map((d) => d.n))).toBeLessThanOrEqual(12);
    expect(days.filter((d) => d.host === "m1").map((d) => d.n)).toContain(12); // the cap did bind
    const { m1, ...others } = await expectCountsDerived(db(), rotationId);
    expect(m1).toBeGreaterThan(0);
    const rest = Object.values(others);
    expect(Math.max(...rest) - Math.min(...rest)).toBeLessThanOrEqual(1);
    expect(await overlappingPairs(db())).toBe(0);
  });

  it("R18: 60 auto-assigns at once into one day with room for 50: exactly 50 land, 10 are no_member_free, every member at the cap", async () => {
    const { rotationId, rep, contactId } = await rotationFixture(db(), MEMBERS);
    await db().update(rotations).set({ dailyCap: 10 }).where(eq(rotations.id, rotationId));
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => bookMeeting(instance(i), rep, bookingInput(contactId, quarter(0, i), { rotationId, durationMinutes: 15 }), NOW)),
    );

    expect(codes(results)).toEqual({ ok: 50, no_member_free: 10 });
    expect((await perMemberPerDay(db(), rotationId)).map((d) => d.n)).toEqual([10, 10, 10, 10, 10]);
    expect(await expectCountsDerived(db(), rotationId)).toEqual({ m1: 10, m2: 10, m3: 10, m4: 10, m5: 10 });
  });
});

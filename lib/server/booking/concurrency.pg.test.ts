import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, rotations } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import { bookMeeting, type BookedMeeting } from "@/lib/server/booking/book-meeting";
import { changeTeamMembership } from "@/lib/server/use-cases/change-team-membership";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { NOW, bookingInput, codes, overlappingPairs, rotationFixture } from "@/test/booking-fixture";
import { testDatabaseKinds, useTwoInstances } from "@/test/db";
import { ALWAYS_WORKING, actorFor, insertTeam, insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

// PGlite runs one transaction at a time, so a race there passes even with the lock removed
// (STYLE rule 11): these tests only mean something on PostgreSQL, which CI always provides.
const MONDAY_MIDNIGHT = Date.parse("2030-01-07T00:00:00Z");
const at = (halfHours: number) => new Date(MONDAY_MIDNIGHT + halfHours * 1_800_000).toISOString();
const MEMBERS = ["m1", "m2", "m3", "m4", "m5"].map((id) => ({ id, workingHours: ALWAYS_WORKING }));

describe.runIf(testDatabaseKinds().includes("postgres"))("concurrent bookings [postgres]", () => {
  // A second pool on the same database, as a second app instance has: bookings queue per
  // instance (booking/queue), so only the database's lock orders the two.
  const { db, instance } = useTwoInstances();

  it("R11: 200 auto-assigned bookings at once from two instances over 40 slots × 5 free members all land, 40 each, no overlap", async () => {
    const { rotationId, rep, contactId } = await rotationFixture(db(), MEMBERS);
    // The five bookings of a slot are fired next to each other, alternating instances, so
    // the two compete for the same members at the same time.
    const starts = Array.from({ length: 200 }, (_, i) => at(Math.floor(i / 5)));
    const results = await Promise.all(starts.map((start, i) => bookMeeting(instance(i), rep, bookingInput(contactId, start, { rotationId }), NOW)));

    expect(codes(results)).toEqual({ ok: 200 });
    expect(await expectCountsDerived(db(), rotationId)).toEqual({ m1: 40, m2: 40, m3: 40, m4: 40, m5: 40 });
    const [live] = await db().select({ n: sql<number>`count(*)::int` }).from(meetings).where(eq(meetings.rotationId, rotationId));
    expect(live?.n).toBe(200);
    expect(await overlappingPairs(db())).toBe(0);
  });

  it("R11: simultaneous auto-assigned bookings at distinct times from two instances spread with counts differing by at most one", async () => {
    const { rotationId, rep, contactId } = await rotationFixture(db(), MEMBERS);
    const results = await Promise.all(Array.from({ length: 53 }, (_, i) => bookMeeting(instance(i), rep, bookingInput(contactId, at(i), { rotationId }), NOW)));
    expect(codes(results)).toEqual({ ok: 53 });
    const counts = Object.values(await expectCountsDerived(db(), rotationId));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("R10, R11: 20 bookings of one host's slot at once from two instances: exactly one wins, the rest are slot_taken", async () => {
    const { rotationId, rep, contactId } = await rotationFixture(db(), MEMBERS);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bookMeeting(instance(i), rep, bookingInput(contactId, at(10), { rotationId, hostUserId: "m3" }), NOW)));
    expect(codes(results)).toEqual({ ok: 1, slot_taken: 19 });
    expect(await expectCountsDerived(db(), rotationId)).toEqual({ m1: 0, m2: 0, m3: 1, m4: 0, m5: 0 });
  });

  it("R10: the same slot taken through two rotations and the host's own calendar at once: one wins, none throws", async () => {
    const { rotationId, book, admin, rep, contactId } = await rotationFixture(db(), MEMBERS);
    const other = unwrap(await createRotation(db(), admin, { name: "Renewals", userIds: ["m3"] })).rotationId;
    const host = await actorFor(db(), "m3");
    const attempts: Promise<Result<BookedMeeting>>[] = [];
    for (let i = 0; i < 8; i++) {
      attempts.push(book(at(10), "m3"));
      attempts.push(bookMeeting(db(), rep, bookingInput(contactId, at(10), { rotationId: other, hostUserId: "m3" }), NOW));
      attempts.push(bookMeeting(db(), host, bookingInput(contactId, at(10)), NOW)); // different locks: the constraint decides
    }
    expect(codes(await Promise.all(attempts))).toEqual({ ok: 1, slot_taken: 23 });
    expect(await overlappingPairs(db())).toBe(0);
    await expectCountsDerived(db(), rotationId);
    await expectCountsDerived(db(), other);
  });

  it("R1: the same name created ten times at once in different cases: one rotation, nine name_taken", async () => {
    const { admin } = await rotationFixture(db(), MEMBERS);
    const names = Array.from({ length: 10 }, (_, i) => (i % 2 ? "EMEA Demos" : "emea demos"));
    const results = await Promise.all(names.map((name) => createRotation(db(), admin, { name, userIds: ["m1"] })));
    expect(codes(results)).toEqual({ ok: 1, name_taken: 9 });
    expect(await db().select().from(rotations).where(sql`lower(${rotations.name}) = 'emea demos'`)).toHaveLength(1);
  });

  it("R6: deleting one meeting many times at once takes exactly one off its host's count", async () => {
    const { rotationId, book, admin } = await rotationFixture(db(), MEMBERS);
    const meeting = unwrap(await book(at(3), "m1"));
    unwrap(await book(at(4), "m1"));
    const results = (await Promise.all(Array.from({ length: 15 }, () => deleteMeeting(db(), admin, meeting.meetingId)))).map(unwrap);
    expect(results.filter((r) => r.deleted && r.countDecremented)).toHaveLength(1);
    expect(await expectCountsDerived(db(), rotationId)).toMatchObject({ m1: 1 });
  });

  it("R7, R11: a booking racing a new member leaves counts equal to the derivation; an add after it zeroes them", async () => {
    const { book, rotationId, admin } = await rotationFixture(db(), MEMBERS);
    const team = await insertTeam(db(), "Newcomers");
    unwrap(await updateRotation(db(), admin, rotationId, { name: "Inbound", userIds: MEMBERS.map((m) => m.id), teamIds: [team.id] }));
    const orders = { addFirst: 0, bookFirst: 0 };
    for (let round = 0; round < 30; round++) {
      const newcomer = (await insertUser(db(), { id: `n${String(round).padStart(2, "0")}`, workingHours: ALWAYS_WORKING })).id;
      const join: Promise<Result<unknown>> =
        round % 2 === 0
          ? updateRotation(db(), admin, rotationId, { name: "Inbound", userIds: [...MEMBERS.map((m) => m.id), newcomer], teamIds: [team.id] })
          : changeTeamMembership(db(), admin, team.id, newcomer, "add");
      const [booked, joined] = await Promise.all([book(at(round)), join]);
      const meeting = unwrap(booked);
      unwrap(joined);

      const counts = await expectCountsDerived(db(), rotationId);
      const [rotation] = await db().select().from(rotations).where(eq(rotations.id, rotationId));
      const [row] = await db().select({ generation: meetings.rotationGeneration }).from(meetings).where(eq(meetings.id, meeting.meetingId));
      const label = `round ${round}`;
      expect(counts[newcomer], label).toBe(0);
      if (row?.generation === rotation?.resetGeneration) {
        orders.addFirst++; // booked after the reset: the only meeting that counts
        expect(Object.values(counts).reduce((a, b) => a + b, 0), label).toBe(1);
        expect(counts[meeting.hostUserId], label).toBe(1);
      } else {
        orders.bookFirst++; // the add came after the booking and reset everyone
        expect(row?.generation, label).toBe((rotation?.resetGeneration ?? 0) - 1);
        expect(Object.values(counts).every((n) => n === 0), label).toBe(true);
      }
    }
    expect(orders.addFirst + orders.bookFirst).toBe(30);
    console.info(`booking vs member-add race, 30 rounds: ${JSON.stringify(orders)}`);
  });

  it("R2: adding a user to a team while the rotation is edited reaches it, and the two never deadlock", async () => {
    const { rotationId, admin, book } = await rotationFixture(db(), MEMBERS);
    const team = await insertTeam(db(), "Closers", ["m1"]);
    // A deadlock is only detected after deadlock_timeout (1 s by default): a round that never
    // waits that long had none, where a retried deadlock would still end "ok".
    const [setting] = await db().select({ ms: sql<number>`setting::int` }).from(sql`pg_settings`).where(sql`name = 'deadlock_timeout'`);
    const roundMs: number[] = [];
    for (let round = 0; round < 10; round++) {
      const newcomer = (await insertUser(db(), { id: `t${round}`, workingHours: ALWAYS_WORKING })).id;
      const started = performance.now();
      const [edit, join, booked] = await Promise.all([
        updateRotation(db(), admin, rotationId, { name: `Inbound ${round}`, userIds: MEMBERS.map((m) => m.id), teamIds: [team.id] }),
        changeTeamMembership(db(), admin, team.id, newcomer, "add"),
        book(at(round)),
      ]);
      roundMs.push(Math.round(performance.now() - started));
      unwrap(edit);
      unwrap(join);
      unwrap(booked);
      const counts = await expectCountsDerived(db(), rotationId);
      expect(counts[newcomer], `round ${round}`).toBe(0);
    }
    expect(Math.max(...roundMs), `round times ${roundMs.join(", ")} ms`).toBeLessThan(setting?.ms ?? 1000);
  });
});

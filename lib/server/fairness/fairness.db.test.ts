import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countEntries, meetings, outOfOfficePeriods, rotations } from "@/db/schema";
import type { Actor } from "@/lib/server/actor";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { NOW, auditOf, bookingInput, countRows, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

type Settings = Partial<typeof rotations.$inferInsert>;

async function configure(db: Database, rotationId: string, settings: Settings) {
  await db.update(rotations).set(settings).where(eq(rotations.id, rotationId));
}

async function ranking(db: Database, actor: Actor, rotationId: string, query: Record<string, string> = {}) {
  const { ranking } = unwrap(await getProposal(db, actor, rotationId, query));
  return {
    proposed: ranking.proposed?.userId ?? null,
    members: Object.fromEntries(ranking.members.map((m) => [m.userId, { status: m.status, reason: m.reason, count: m.count }])),
  };
}

describeEachDatabase("fairness controls in the ranking and the booking path", (current) => {
  it("R18: auto-assign fills each member up to the daily cap, then answers 409 no_member_free with every member's reason", async () => {
    const { db } = current();
    const { rotationId, book, rep } = await rotationFixture(db, ["m1", "m2"]);
    await configure(db, rotationId, { dailyCap: 2 });
    const hosts = [];
    for (let n = 0; n < 4; n++) hosts.push(unwrap(await book(slot(n))).hostUserId);
    expect(hosts.sort()).toEqual(["m1", "m1", "m2", "m2"]);

    const refused = await book(slot(6));
    expect(refused).toMatchObject({ ok: false, error: { code: "no_member_free" } });
    expect(!refused.ok && refused.error.members).toEqual([
      { userId: "m1", name: "m1", reason: "Daily cap 2 reached" },
      { userId: "m2", name: "m2", reason: "Daily cap 2 reached" },
    ]);
    expect(await book(slot(6), "m1")).toMatchObject({ ok: false, error: { code: "cap_reached", message: "m1 can't take it: daily cap 2 reached." } });
    // The next day is under the cap again.
    expect(unwrap(await book(new Date(Date.parse(slot(0)) + 86_400_000).toISOString())).hostUserId).toBe("m1");

    const atSix = await ranking(db, rep, rotationId, { start: slot(6) });
    expect(atSix.proposed).toBeNull();
    expect(atSix.members.m1).toMatchObject({ status: "capped", reason: "Daily cap 2 reached" });
    await expectCountsDerived(db, rotationId);
  });

  it("R18: a weekly cap counts Monday to Sunday in the host's own zone", async () => {
    const { db } = current();
    // Sunday 2030-01-13 23:30 in Auckland is still the week of Monday 7 January there.
    const { rotationId, book } = await rotationFixture(db, [{ id: "nz", timeZone: "Pacific/Auckland", workingHours: { weekdays: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" } }]);
    await configure(db, rotationId, { weeklyCap: 1 });
    unwrap(await book("2030-01-08T01:00:00Z")); // Tue 8 Jan 14:00 in Auckland
    expect(await book("2030-01-13T10:30:00Z")).toMatchObject({ ok: false, error: { code: "no_member_free" } }); // Sun 13 Jan 23:30 there
    expect(unwrap(await book("2030-01-13T11:30:00Z")).hostUserId).toBe("nz"); // Mon 14 Jan 00:30 there: a new week
  });

  it("R16: a member out of office at the meeting's time is skipped with the reason, and cannot be booked", async () => {
    const { db } = current();
    const { rotationId, book, rep } = await rotationFixture(db, ["m1", "m2"]);
    await db.insert(outOfOfficePeriods).values({ userId: "m1", startsAt: new Date("2030-01-07T00:00:00Z"), endsAt: new Date("2030-01-08T00:00:00Z") });

    expect((await ranking(db, rep, rotationId)).proposed).toBe("m1"); // not away now
    const atMeeting = await ranking(db, rep, rotationId, { start: slot(0) });
    expect(atMeeting.proposed).toBe("m2");
    expect(atMeeting.members.m1).toMatchObject({ status: "out_of_office", reason: "Out of office until Tue, Jan 8, 2030, 12:00 AM" });
    expect(unwrap(await book(slot(0))).hostUserId).toBe("m2");
    expect(await book(slot(1), "m1")).toMatchObject({ ok: false, error: { code: "out_of_office" } });

    // A period in progress keeps them off every proposal, whatever the time asked about.
    await db.insert(outOfOfficePeriods).values({ userId: "m1", startsAt: sql`now() - interval '1 hour'`, endsAt: sql`now() + interval '1 day'` });
    expect((await ranking(db, rep, rotationId)).members.m1?.status).toBe("out_of_office");
    await expectCountsDerived(db, rotationId);
  });

  it("R20: asked for a time, a busy member keeps their place and says so; outside working hours too", async () => {
    const { db } = current();
    const { rotationId, book, rep } = await rotationFixture(db, ["m1", "m2"]);
    unwrap(await book(slot(0), "m2")); // m2 count 1, m1 count 0
    const busyAt = await ranking(db, rep, rotationId, { start: slot(0), durationMinutes: "30" });
    expect(busyAt.proposed).toBe("m1");
    unwrap(await book(slot(2), "m1"));
    const later = await ranking(db, rep, rotationId, { start: slot(2) });
    expect(later.proposed).toBe("m2");
    expect(later.members.m1).toMatchObject({ status: "busy", reason: "Busy at that time" });
    const sunday = await ranking(db, rep, rotationId, { start: "2030-01-06T10:00:00Z" });
    expect(sunday.members.m1?.reason).toBe("Outside working hours at that time");
    expect(await getProposal(db, rep, rotationId, { durationMinutes: "30" })).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await getProposal(db, rep, rotationId, { start: "tomorrow" })).toMatchObject({ ok: false, error: { code: "validation" } });
  });

  it("R14: a monthly window counts only this month's entries; since the last reset counts them all", async () => {
    const { db } = current();
    const { rotationId, book, rep } = await rotationFixture(db, ["m1", "m2"]);
    for (let n = 0; n < 3; n++) unwrap(await book(slot(n), "m1"));
    unwrap(await book(slot(4), "m2"));
    // Two of m1's meetings counted last month (as if booked 40 days ago).
    const [first, second] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.hostUserId, "m1")).limit(2);
    const old = [first?.id ?? "", second?.id ?? ""];
    for (const id of old) {
      await db.update(meetings).set({ countedAt: sql`now() - interval '40 days'` }).where(eq(meetings.id, id));
      await db.update(countEntries).set({ countsAt: sql`now() - interval '40 days'` }).where(eq(countEntries.meetingId, id));
    }
    await db.update(rotations).set({ countsResetAt: sql`now() - interval '90 days'` }).where(eq(rotations.id, rotationId));

    expect((await ranking(db, rep, rotationId)).members.m1?.count).toBe(3);
    await configure(db, rotationId, { countWindow: "monthly" });
    const monthly = await ranking(db, rep, rotationId);
    expect([monthly.members.m1?.count, monthly.members.m2?.count]).toEqual([1, 1]);
    await expectCountsDerived(db, rotationId); // the kept sums are the since-reset ones, unchanged
  });

  it("R15: with start level a newcomer joins at the lowest count and nobody's count changes", async () => {
    const { db } = current();
    const { rotationId, book, rep, admin } = await rotationFixture(db, ["m1", "m2"]);
    for (let n = 0; n < 3; n++) unwrap(await book(slot(n), "m1"));
    for (let n = 3; n < 5; n++) unwrap(await book(slot(n), "m2"));
    await configure(db, rotationId, { newcomerPolicy: "start_level" });
    const [before] = await db.select({ generation: rotations.resetGeneration }).from(rotations).where(eq(rotations.id, rotationId));

    await insertUser(db, { id: "m3" });
    const change = unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["m1", "m2", "m3"] }));
    expect(change.countsReset).toBe(false);
    const after = await ranking(db, rep, rotationId);
    expect([after.members.m1?.count, after.members.m2?.count, after.members.m3?.count]).toEqual([3, 2, 2]);
    const [rotation] = await db.select({ generation: rotations.resetGeneration }).from(rotations).where(eq(rotations.id, rotationId));
    expect(rotation?.generation).toBe(before?.generation);
    const entries = await db.select({ delta: countEntries.delta, cause: countEntries.cause }).from(countEntries).where(and(eq(countEntries.rotationId, rotationId), eq(countEntries.userId, "m3")));
    expect(entries).toEqual([{ delta: 2, cause: "calibration" }]);
    await expectCountsDerived(db, rotationId);
  });

  it("R16: keep level gives a member back from being switched off the others' meetings meanwhile, divided by their number", async () => {
    const { db } = current();
    const { rotationId, book, rep, admin } = await rotationFixture(db, ["m1", "m2", "m3"]);
    unwrap(await setMemberAvailability(db, admin, rotationId, "m3", { available: false }));
    for (let n = 0; n < 5; n++) unwrap(await book(slot(n)));
    unwrap(await setMemberAvailability(db, admin, rotationId, "m3", { available: true }));

    const catchUp = await ranking(db, rep, rotationId);
    expect(catchUp.members.m3?.count).toBe(0);
    expect(catchUp.proposed).toBe("m3");
    await configure(db, rotationId, { returnPolicy: "keep_level" });
    const kept = await ranking(db, rep, rotationId);
    expect(kept.members.m3?.count).toBe(2); // floor(5 / 2)
    expect(unwrap(await book(slot(8))).hostUserId).toBe("m3"); // m1 and m2 have 3 and 2; m3 ties at 2, never scheduled
    await expectCountsDerived(db, rotationId);
  });
});

describeEachDatabase("R21: an override is against the proposal the rep was shown", (current) => {
  it("two tabs shown m1: the first books m1, the second is refused with proposal_changed and the new ranking, nothing written", async () => {
    const { db } = current();
    const { rotationId, book, contactId, rep } = await rotationFixture(db, ["m1", "m2"]);
    const bookShown = (start: string, hostUserId: string, shownProposalUserId: string) =>
      bookMeeting(db, rep, { ...bookingInput(contactId, start, { rotationId, hostUserId }), shownProposalUserId }, NOW);

    expect(unwrap(await bookShown(slot(0), "m1", "m1"))).toMatchObject({ hostUserId: "m1", isOverride: false });
    const stale = await bookShown(slot(1), "m1", "m1");
    expect(stale).toMatchObject({ ok: false, error: { code: "proposal_changed", message: "The rotation has moved on since you looked: m2 is next now." } });
    expect(!stale.ok && stale.error.members?.map((m) => m.userId)).toEqual(["m2", "m1"]);
    expect(await countRows(db, meetings)).toBe(1);
    expect((await auditOf(db, "meeting_booked")).filter((a) => a.isOverride)).toEqual([]);

    // Shown m2 and chose m1: an override against what was shown.
    expect(unwrap(await bookShown(slot(2), "m1", "m2"))).toMatchObject({ isOverride: true, proposedHostUserId: "m2" });
    // Without the shown proposal (API clients), the server's own proposal decides, as before (R9).
    expect(unwrap(await book(slot(3), "m1"))).toMatchObject({ isOverride: true });
    await expectCountsDerived(db, rotationId);
  });
});

import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { busyBlocks, users } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/server/actor";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

async function ranking(db: Database, actor: Actor, rotationId: string) {
  const { ranking } = unwrap(await getProposal(db, actor, rotationId));
  return { proposed: ranking.proposed?.userId ?? null, order: ranking.members.map((m) => m.userId), members: ranking.members };
}

describeEachDatabase("proposal and auto-assignment", (current) => {
  it("R8: proposes the lowest count, then the least recently scheduled, and recency survives a reset", async () => {
    const { db } = current();
    const { rotationId, book, rep, admin } = await rotationFixture(db, ["m1", "m2", "m3"]);
    expect((await ranking(db, rep, rotationId)).order).toEqual(["m1", "m2", "m3"]);

    unwrap(await book(slot(0), "m3"));
    unwrap(await book(slot(1), "m2"));
    unwrap(await book(slot(2), "m3"));
    expect((await ranking(db, rep, rotationId)).order).toEqual(["m1", "m2", "m3"]); // counts 0, 1, 2
    unwrap(await book(slot(3), "m1"));
    // m1 and m2 both have 1: m2's meeting is older, so m2 goes first.
    expect((await ranking(db, rep, rotationId)).order).toEqual(["m2", "m1", "m3"]);

    await insertUser(db, { id: "m0" });
    unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["m0", "m1", "m2", "m3"] }));
    const afterReset = await ranking(db, rep, rotationId);
    expect(afterReset.members.map((m) => m.count)).toEqual([0, 0, 0, 0]);
    // All counts 0: never scheduled first, then by last meeting time (m2 < m3 < m1), not by id.
    expect(afterReset.order).toEqual(["m0", "m2", "m3", "m1"]);
    expect(afterReset.members[1]?.lastScheduledAt).toBeInstanceOf(Date);
    expect(unwrap(await book(slot(5))).hostUserId).toBe("m0");
    await expectCountsDerived(db, rotationId);
  });

  it("R8: breaks remaining ties by who joined first, not by user id", async () => {
    const { db } = current();
    const { rotationId, rep, admin } = await rotationFixture(db, ["zed"]);
    await insertUser(db, { id: "abe" });
    unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["zed", "abe"] }));
    expect((await ranking(db, rep, rotationId)).order).toEqual(["zed", "abe"]);
  });

  it("R8w: a weighted rotation proposes the largest deficit and shares bookings by weight", async () => {
    const { db } = current();
    const { rotationId, book, rep } = await rotationFixture(db, ["heavy", "light"], { distribution: "weighted", weights: { heavy: 3 } });
    const hosts: string[] = [];
    for (let n = 0; n < 8; n++) {
      const proposed = (await ranking(db, rep, rotationId)).proposed;
      const booked = unwrap(await book(slot(n)));
      expect(booked).toMatchObject({ hostUserId: proposed, proposedHostUserId: proposed, isOverride: false });
      hosts.push(booked.hostUserId);
    }
    // Deficits (N+1)·w/W − count, ties to the least recently scheduled.
    expect(hosts).toEqual(["heavy", "light", "heavy", "heavy", "heavy", "light", "heavy", "heavy"]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ heavy: 6, light: 2 });
  });

  it("R3: a member who loses eligibility stays listed with the reason and is never proposed or booked", async () => {
    const { db } = current();
    const { rotationId, book, rep } = await rotationFixture(db, ["m1", "m2"]);
    await db.update(users).set({ calendarSyncEnabled: false }).where(eq(users.id, "m1"));

    const { proposed, members } = await ranking(db, rep, rotationId);
    expect(proposed).toBe("m2");
    expect(members.map((m) => [m.userId, m.status, m.ineligibleReasons])).toEqual([
      ["m2", "proposable", []],
      ["m1", "not_eligible", ["calendar_sync_off"]],
    ]);
    const refused = await book(slot(0), "m1");
    expect(refused).toMatchObject({ ok: false, error: { code: "not_eligible" } });
    expect(!refused.ok && refused.error.message).toContain("calendar sync off");
    // Even when the only eligible member is busy, auto-assign does not fall back to m1.
    unwrap(await book(slot(0), "m2"));
    expect(await book(slot(0))).toMatchObject({ ok: false, error: { code: "no_member_available" } });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 1 });
  });

  it("R5: while availability is off the member is not proposed nor bookable; toggling keeps counts", async () => {
    const { db } = current();
    const { rotationId, book, rep, admin } = await rotationFixture(db, ["m1", "m2"]);
    unwrap(await book(slot(0), "m2"));
    unwrap(await setMemberAvailability(db, admin, rotationId, "m1", { available: false }));

    const { proposed, members } = await ranking(db, rep, rotationId);
    expect(proposed).toBe("m2");
    expect(members.find((m) => m.userId === "m1")?.status).toBe("unavailable");
    expect(await book(slot(1), "m1")).toMatchObject({ ok: false, error: { code: "member_unavailable" } });
    expect(unwrap(await book(slot(1))).hostUserId).toBe("m2");
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 2 });

    unwrap(await setMemberAvailability(db, admin, rotationId, "m1", { available: true }));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 2 });
    expect((await ranking(db, rep, rotationId)).proposed).toBe("m1");
    expect(unwrap(await book(slot(2), "m1")).isOverride).toBe(false);
  });

  it("R11: auto-assign picks the fairest member free at that time, skipping busy and off-hours ones", async () => {
    const { db } = current();
    const { rotationId, book } = await rotationFixture(db, ["m1", "m2", { id: "m3", timeZone: "Asia/Tokyo" }, "m4"]);
    // At slot 4 (11:00 UTC, 20:00 in Tokyo): m1 has a busy block, m2 a meeting, m3 is off hours.
    await db.insert(busyBlocks).values({ userId: "m1", startsAt: new Date(slot(4)), endsAt: new Date(slot(5)) });
    unwrap(await book(slot(4), "m2"));
    const auto = unwrap(await book(slot(4, 15)));
    // The rule chose someone else because m1 is busy: that is not a rep's override (R9).
    expect(auto).toMatchObject({ hostUserId: "m4", proposedHostUserId: "m1", isOverride: false });
    // The ranking it chose from: m1, m3, m4 never scheduled (join order), m2 has a count of 1.
    expect(auto.ranking?.members.map((m) => m.userId)).toEqual(["m1", "m3", "m4", "m2"]);

    // Nobody free: m4 now has that time too.
    expect(await book(slot(4))).toMatchObject({ ok: false, error: { code: "no_member_available" } });
    // Elsewhere the fairest one (m1, never scheduled) is chosen.
    expect(unwrap(await book(slot(8))).hostUserId).toBe("m1");
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 1, m3: 0, m4: 1 });
  });
});

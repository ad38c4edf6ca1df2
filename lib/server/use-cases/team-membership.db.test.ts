import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, meetings, rotationMembers, teamMembers } from "@/db/schema";
import { changeTeamMembership } from "@/lib/server/use-cases/change-team-membership";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { auditOf, countRows, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertTeam, insertUser } from "@/test/factories";
import { expectCountsDerived, storedCounts, unwrap } from "@/test/rotation-counts";

async function memberIds(db: Database, rotationId: string): Promise<string[]> {
  const rows = await db.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
  return rows.map((r) => r.userId).sort();
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeEachDatabase("teams in rotations", (current) => {
  it("R2, R7: a team's users are members live; joining resets counts, leaving does not", async () => {
    const { db } = current();
    const { rotationId, book, admin } = await rotationFixture(db, ["d1"]);
    for (const id of ["t1", "t2", "t3"]) await insertUser(db, { id });
    const team = await insertTeam(db, "Closers", ["t1", "t2"]);
    // Adding a team with new users is a new member (R7), like adding them one by one.
    expect(unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["d1"], teamIds: [team.id] }))).toEqual({
      added: ["t1", "t2"],
      removed: [],
      countsReset: true,
    });
    unwrap(await book(slot(0), "t1"));
    unwrap(await book(slot(1), "t2"));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 0, t1: 1, t2: 1 });

    const left = unwrap(await changeTeamMembership(db, admin, team.id, "t2", "remove"));
    expect(left.rotations).toEqual([{ rotationId, added: [], removed: ["t2"], countsReset: false }]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 0, t1: 1 });

    const joined = unwrap(await changeTeamMembership(db, admin, team.id, "t3", "add"));
    expect(joined.rotations).toEqual([{ rotationId, added: ["t3"], removed: [], countsReset: true }]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 0, t1: 0, t3: 0 });
    const reset = await auditOf(db, "counts_reset");
    expect(reset.at(-1)).toMatchObject({ actorUserId: "admin", details: { teamId: team.id, teamName: "Closers", newMembers: ["t3"] } });

    // t2 comes back through the team: a new member again, and their recency is kept (R8).
    unwrap(await changeTeamMembership(db, admin, team.id, "t2", "add"));
    const [t2] = await db.select().from(rotationMembers).where(eq(rotationMembers.userId, "t2"));
    expect(t2).toMatchObject({ bookedCount: 0, lastScheduledAt: expect.any(Date) });
    expect((await auditOf(db, "counts_reset")).length).toBe(reset.length + 1);
    await expectCountsDerived(db, rotationId);
  });

  it("R2: a user both chosen directly and through a team is one member; no reset when either source comes or goes", async () => {
    const { db } = current();
    const { rotationId, book, admin } = await rotationFixture(db, ["both", "solo"]);
    const team = await insertTeam(db, "Overlap");
    unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["both", "solo"], teamIds: [team.id] }));
    unwrap(await book(slot(0), "both"));

    expect(unwrap(await changeTeamMembership(db, admin, team.id, "both", "add")).rotations).toEqual([{ rotationId, added: [], removed: [], countsReset: false }]);
    expect(await memberIds(db, rotationId)).toEqual(["both", "solo"]);
    // Dropped as a direct pick, still a member through the team, count intact.
    expect(unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["solo"], teamIds: [team.id] }))).toEqual({ added: [], removed: [], countsReset: false });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ both: 1, solo: 0 });
    // Leaving the team too: now they are gone.
    expect(unwrap(await changeTeamMembership(db, admin, team.id, "both", "remove")).rotations[0]?.removed).toEqual(["both"]);
    expect(await memberIds(db, rotationId)).toEqual(["solo"]);
  });

  it("R2: a team change reaches every rotation that includes the team; repeated changes change nothing", async () => {
    const { db } = current();
    const { rotationId, admin } = await rotationFixture(db, ["a"]);
    await insertUser(db, { id: "b" });
    const team = await insertTeam(db, "Shared", ["a"]);
    unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", teamIds: [team.id] }));
    const { rotationId: other } = unwrap(await createRotation(db, admin, { name: "Renewals", teamIds: [team.id] }));

    const outcome = unwrap(await changeTeamMembership(db, admin, team.id, "b", "add"));
    expect(outcome.rotations.map((r) => r.rotationId).sort()).toEqual([rotationId, other].sort());
    expect(await memberIds(db, rotationId)).toEqual(["a", "b"]);
    expect(await memberIds(db, other)).toEqual(["a", "b"]);
    const audit = await countRows(db, auditEvents);
    expect(unwrap(await changeTeamMembership(db, admin, team.id, "b", "add"))).toEqual({ changed: false, rotations: [] });
    expect(await countRows(db, auditEvents)).toBe(audit);
  });

  it("R4: only admins change teams; a refusal writes nothing", async () => {
    const { db } = current();
    const { rotationId, rep } = await rotationFixture(db, ["a"]);
    await insertUser(db, { id: "b" });
    const team = await insertTeam(db, "Closers", ["a"]);
    const audit = await countRows(db, auditEvents);
    expect(await changeTeamMembership(db, rep, team.id, "b", "add")).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.select().from(teamMembers)).toHaveLength(1);
    expect(await countRows(db, auditEvents)).toBe(audit);
    expect(await memberIds(db, rotationId)).toEqual(["a"]);
  });

  it("an unknown or impossible user id is user_not_found, never a database error", async () => {
    const { db } = current();
    const { admin } = await rotationFixture(db, ["a"]);
    const team = await insertTeam(db, "Closers", ["a"]);
    for (const userId of ["nobody", "a\u0000b", ""]) {
      expect(await changeTeamMembership(db, admin, team.id, userId, "add"), JSON.stringify(userId)).toMatchObject({ ok: false, error: { code: "user_not_found" } });
    }
    expect(await db.select().from(teamMembers)).toHaveLength(1);
  });

  it("R6, R7: counts stay equal to their derivation through a random mix of bookings, deletions and member changes", async () => {
    const { db } = current();
    const seed = 20300106;
    const next = random(seed);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const { rotationId, book, admin } = await rotationFixture(db, ["u1", "u2", "u3"]);
    const pool = ["u4", "u5", "u6", "u7"];
    for (const id of pool) await insertUser(db, { id });
    const team = await insertTeam(db, "Floaters");
    unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["u1", "u2", "u3"], teamIds: [team.id] }));
    const rep = await actorFor(db, "rep");
    let direct = ["u1", "u2", "u3"];
    let [resets, booked, deleted] = [0, 0, 0];

    for (let step = 0; step < 60; step++) {
      const roll = next();
      const label = `seed ${seed}, step ${step}`;
      if (roll < 0.55) {
        const members = await memberIds(db, rotationId);
        // Monday to Thursday, 09:00–16:30 UTC: few enough slots that clashes happen too.
        const start = new Date(Date.parse(slot(0)) + Math.floor(next() * 4) * 86_400_000 + Math.floor(next() * 16) * 1_800_000);
        const result = await book(start.toISOString(), next() < 0.5 ? pick(members) : undefined);
        if (result.ok) booked++;
        else expect(["slot_taken", "no_member_available"], label).toContain(result.error.code);
      } else if (roll < 0.8) {
        const live = await db.select({ id: meetings.id }).from(meetings);
        if (live.length > 0 && unwrap(await deleteMeeting(db, next() < 0.5 ? admin : rep, pick(live).id)).deleted) deleted++;
      } else if (roll < 0.9) {
        const user = pick(pool);
        const change = unwrap(await changeTeamMembership(db, admin, team.id, user, next() < 0.6 ? "add" : "remove"));
        if (change.rotations[0]?.countsReset) resets++;
      } else {
        direct = next() < 0.5 && direct.length > 1 ? direct.slice(1) : [...new Set([...direct, pick([...pool, "u1", "u2", "u3"])])];
        if (unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: direct, teamIds: [team.id] })).countsReset) resets++;
      }
      await expectCountsDerived(db, rotationId);
    }
    // The sequence must have exercised every kind of step, or it proves little.
    expect(Math.min(resets, booked, deleted), JSON.stringify({ resets, booked, deleted })).toBeGreaterThan(0);
    expect(Object.values(await storedCounts(db, rotationId)).some((n) => n > 0)).toBe(true);
  });
});

import { and, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countEntries, meetings, rotations } from "@/db/schema";
import type { Actor } from "@/lib/server/actor";
import { outcomeIsCredited } from "@/lib/domain/rotation-settings";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { adjustCount } from "@/lib/server/use-cases/adjust-count";
import { markMeetingOutcome } from "@/lib/server/use-cases/mark-meeting-outcome";
import { reassignMeeting } from "@/lib/server/use-cases/reassign-meeting";
import { updateRotationSettings } from "@/lib/server/use-cases/update-rotation-settings";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase, truncateAll } from "@/test/db";
import { insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

// R13: whatever happens (bookings, deletions, outcomes, the no-show setting, adjustments,
// reassignments, availability and member changes), in whatever order, every stored count
// equals the sum of its ledger entries, every meeting adds at most one to its host, and no
// shown count is below zero.

const POOL = ["m1", "m2", "m3", "m4"];

type Step =
  | { kind: "book"; slot: number; host: number | null }
  | { kind: "delete"; pick: number }
  | { kind: "availability"; member: number; available: boolean }
  | { kind: "members"; keep: boolean[]; newcomerPolicy: "reset_everyone" | "start_level" }
  | { kind: "window"; monthly: boolean }
  | { kind: "outcome"; pick: number; outcome: "completed" | "no_show" | "canceled_by_contact" | null }
  | { kind: "countNoShows"; value: boolean }
  | { kind: "adjust"; member: number; delta: number }
  | { kind: "reassign"; pick: number; to: number | "next" };

const member = fc.nat(POOL.length - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("book" as const), slot: fc.nat(15), host: fc.option(member, { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("availability" as const), member, available: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("members" as const),
      keep: fc.array(fc.boolean(), { minLength: POOL.length, maxLength: POOL.length }),
      newcomerPolicy: fc.constantFrom("reset_everyone" as const, "start_level" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("window" as const), monthly: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("outcome" as const), pick: fc.nat(20), outcome: fc.constantFrom("completed" as const, "no_show" as const, "canceled_by_contact" as const, null) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("countNoShows" as const), value: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("adjust" as const), member, delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reassign" as const), pick: fc.nat(20), to: fc.oneof(fc.constant("next" as const), member) }) },
);

interface World {
  db: Database;
  admin: Actor;
  rotationId: string;
  book: (start: string, hostUserId?: string) => Promise<unknown>;
}

async function liveMeetingIds(db: Database, rotationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.rotationId, rotationId), isNull(meetings.deletedAt)))
    .orderBy(meetings.startsAt);
  return rows.map((r) => r.id);
}

async function pickLive(db: Database, rotationId: string, pick: number): Promise<string | undefined> {
  const live = await liveMeetingIds(db, rotationId);
  return live[pick % Math.max(1, live.length)];
}

async function apply(world: World, step: Step): Promise<void> {
  const { db, admin, rotationId } = world;
  switch (step.kind) {
    case "book":
      // Refusals (slot taken, nobody free, not a member) are part of the game: they must write nothing.
      await world.book(slot(step.slot), step.host === null ? undefined : POOL[step.host]);
      return;
    case "delete": {
      const id = await pickLive(db, rotationId, step.pick);
      if (id) unwrap(await deleteMeeting(db, admin, id));
      return;
    }
    case "availability":
      await setMemberAvailability(db, admin, rotationId, POOL[step.member] as string, { available: step.available });
      return;
    case "members": {
      const userIds = POOL.filter((_, i) => step.keep[i]);
      if (userIds.length === 0) return;
      await db.update(rotations).set({ newcomerPolicy: step.newcomerPolicy }).where(eq(rotations.id, rotationId));
      unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds }));
      return;
    }
    case "window":
      await db.update(rotations).set({ countWindow: step.monthly ? "monthly" : "since_reset" }).where(eq(rotations.id, rotationId));
      return;
    case "outcome": {
      const id = await pickLive(db, rotationId, step.pick);
      if (id) unwrap(await markMeetingOutcome(db, admin, id, { outcome: step.outcome }));
      return;
    }
    case "countNoShows":
      unwrap(await updateRotationSettings(db, admin, rotationId, { countNoShows: step.value }));
      return;
    case "adjust":
      // Refused when it would go below zero, or for a former member: either way nothing is written.
      await adjustCount(db, admin, rotationId, POOL[step.member] as string, { delta: step.delta, reason: "Property test" });
      return;
    case "reassign": {
      const id = await pickLive(db, rotationId, step.pick);
      const to = step.to === "next" ? "next" : (POOL[step.to] as string);
      if (id) await reassignMeeting(db, admin, id, { to, reason: "Property test" });
      return;
    }
  }
}

/** Sums of entries per meeting and user, for the rotation's current generation. */
async function meetingNets(db: Database, rotationId: string) {
  return db
    .select({
      meetingId: countEntries.meetingId,
      userId: countEntries.userId,
      net: sql<number>`sum(${countEntries.delta})::int`.mapWith(Number),
      hostUserId: meetings.hostUserId,
      deleted: sql<boolean>`${meetings.deletedAt} is not null`,
    })
    .from(countEntries)
    .innerJoin(meetings, eq(meetings.id, countEntries.meetingId))
    .innerJoin(rotations, eq(rotations.id, countEntries.rotationId))
    .where(and(eq(countEntries.rotationId, rotationId), eq(countEntries.generation, rotations.resetGeneration)))
    .groupBy(countEntries.meetingId, countEntries.userId, meetings.hostUserId, meetings.deletedAt);
}

async function expectLedgerHolds(world: World): Promise<void> {
  await expectCountsDerived(world.db, world.rotationId);
  const [rotation] = await world.db.select().from(rotations).where(eq(rotations.id, world.rotationId));
  const marked = await world.db.select({ id: meetings.id, outcome: meetings.outcome }).from(meetings).where(eq(meetings.rotationId, world.rotationId));
  const credited = new Set(marked.filter((m) => outcomeIsCredited(m.outcome, rotation?.countNoShows ?? true)).map((m) => m.id));
  for (const n of await meetingNets(world.db, world.rotationId)) {
    // A live meeting adds one to its host (none while credited back, R17) and nothing to
    // anyone else, whoever hosted it before (R19); a deleted one adds nothing.
    const expected = !n.deleted && n.userId === n.hostUserId && !credited.has(n.meetingId ?? "") ? 1 : 0;
    expect({ meeting: n.meetingId, user: n.userId, net: n.net }).toEqual({ meeting: n.meetingId, user: n.userId, net: expected });
  }
  const { ranking } = unwrap(await getProposal(world.db, world.admin, world.rotationId));
  for (const m of ranking.members) expect(m.count).toBeGreaterThanOrEqual(0);
}

describeEachDatabase("the count ledger under any sequence of changes (R13)", (current) => {
  it("every stored count equals its ledger derivation, each meeting adds one to its host, no count is negative", async () => {
    const { db } = current();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(stepArb, { minLength: 1, maxLength: 16 }), async (countNoShows, steps) => {
        await truncateAll(db);
        const fixture = await rotationFixture(db, POOL.slice(0, 2));
        await db.update(rotations).set({ countNoShows }).where(eq(rotations.id, fixture.rotationId));
        for (const id of POOL.slice(2)) await insertUser(db, { id });
        const world: World = { db, admin: fixture.admin, rotationId: fixture.rotationId, book: fixture.book };
        for (const step of steps) {
          await apply(world, step);
          await expectLedgerHolds(world);
        }
      }),
      { numRuns: 20 },
    );
  });
});

import { and, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countEntries, meetings, rotations } from "@/db/schema";
import type { Actor } from "@/lib/server/actor";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase, truncateAll } from "@/test/db";
import { insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

// R13: whatever happens, in whatever order, every stored count equals the sum of its ledger
// entries, every meeting adds at most one to its host, and no shown count is below zero.

const POOL = ["m1", "m2", "m3", "m4"];

type Step =
  | { kind: "book"; slot: number; host: number | null }
  | { kind: "delete"; pick: number }
  | { kind: "availability"; member: number; available: boolean }
  | { kind: "members"; keep: boolean[]; newcomerPolicy: "reset_everyone" | "start_level" }
  | { kind: "window"; monthly: boolean };

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

async function apply(world: World, step: Step): Promise<void> {
  const { db, admin, rotationId } = world;
  switch (step.kind) {
    case "book":
      // Refusals (slot taken, nobody free, not a member) are part of the game: they must write nothing.
      await world.book(slot(step.slot), step.host === null ? undefined : POOL[step.host]);
      return;
    case "delete": {
      const live = await liveMeetingIds(db, rotationId);
      const id = live[step.pick % Math.max(1, live.length)];
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
  for (const n of await meetingNets(world.db, world.rotationId)) {
    // A live meeting adds one to its host and nothing to anyone else; a deleted one adds nothing.
    const expected = !n.deleted && n.userId === n.hostUserId ? 1 : 0;
    expect({ meeting: n.meetingId, user: n.userId, net: n.net }).toEqual({ meeting: n.meetingId, user: n.userId, net: expected });
  }
  const { ranking } = unwrap(await getProposal(world.db, world.admin, world.rotationId));
  for (const m of ranking.members) expect(m.count).toBeGreaterThanOrEqual(0);
}

describeEachDatabase("the count ledger under any sequence of changes (R13)", (current) => {
  it("every stored count equals its ledger derivation, each meeting adds one to its host, no count is negative", async () => {
    const { db } = current();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), async (steps) => {
        await truncateAll(db);
        const fixture = await rotationFixture(db, POOL.slice(0, 2));
        for (const id of POOL.slice(2)) await insertUser(db, { id });
        const world: World = { db, admin: fixture.admin, rotationId: fixture.rotationId, book: fixture.book };
        for (const step of steps) {
          await apply(world, step);
          await expectLedgerHolds(world);
        }
      }),
      { numRuns: 12 },
    );
  });
});

import { and, eq, like, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { meetings, rotationMembers, rotations, teams, users } from "@/db/schema";
import { expectCountsDerived } from "@/test/rotation-counts";
import { describeEachDatabase } from "@/test/db";
import { seedDemoDataIfEmpty } from "./demo";
import { LARGE_ORG, seedLargeOrganisationIfMissing } from "./large-org";

const count = sql<number>`count(*)::int`;

describeEachDatabase("large organisation seed", (current) => {
  it("adds exactly 2,000 users, 200 teams and a 300-member rotation with its meetings beside the demo, once", { timeout: 60_000 }, async () => {
    const { db } = current();
    const now = new Date("2030-03-04T10:00:00Z");
    await seedDemoDataIfEmpty(db, now);
    const started = performance.now();
    expect(await seedLargeOrganisationIfMissing(db, now)).toBe(true);
    const seconds = (performance.now() - started) / 1000;
    expect(await seedLargeOrganisationIfMissing(db, now)).toBe(false);

    const [added] = await db.select({ n: count }).from(users).where(like(users.id, `${LARGE_ORG.userIdPrefix}%`));
    const [allUsers] = await db.select({ n: count }).from(users);
    const [allTeams] = await db.select({ n: count }).from(teams);
    expect([added?.n, allUsers?.n, allTeams?.n]).toEqual([2_000, 2_012, 203]);
    const [distinctNames] = await db.select({ n: sql<number>`count(distinct name)::int` }).from(users);
    expect(distinctNames?.n).toBe(2_012);

    const [rotation] = await db.select().from(rotations).where(eq(rotations.name, LARGE_ORG.rotationName));
    if (!rotation) throw new Error("rotation missing");
    const [members] = await db.select({ n: count }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotation.id));
    expect(members?.n).toBe(300);
    const [booked] = await db.select({ n: count }).from(meetings).where(and(eq(meetings.rotationId, rotation.id)));
    expect(booked?.n).toBe(LARGE_ORG.meetings);
    // Kept counts equal the ledger, as booking would have left them: 1,000 over 300 members.
    const derived = await expectCountsDerived(db, rotation.id);
    expect(Object.values(derived).reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(new Set(Object.values(derived))).toEqual(new Set([3, 4]));
    console.log(`large organisation seeded in ${seconds.toFixed(1)} s`);
  });
});

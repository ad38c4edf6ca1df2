import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabaseKinds } from "@/test/db";
import { assertBuilt } from "@/test/next-process";
import { createLoadDatabase, seedLoadFixture, startInstances, type AppInstance, type LoadDatabase, type LoadFixture } from "./harness";
import { runTwoInstances, TWO_INSTANCE_ROTATIONS } from "./two-instances-run";

// The CI size of bench/two-instances.ts (1,000 bookings): two `next start` processes on one
// PostgreSQL database, every claim checked in SQL. Only PostgreSQL has real concurrency.
const BOOKINGS = 150;

describe.runIf(testDatabaseKinds().includes("postgres"))("two app instances on one PostgreSQL [postgres]", () => {
  let db: LoadDatabase | undefined;
  let fixture: LoadFixture | undefined;
  let apps: AppInstance[] = [];

  beforeAll(async () => {
    assertBuilt();
    db = await createLoadDatabase(inject("postgresAdminUrl"), inject("postgresTemplateDb"));
    fixture = await seedLoadFixture(db.url, TWO_INSTANCE_ROTATIONS);
    apps = await startInstances(db.url, 2, 5);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await db?.dispose();
  });

  it(`${BOOKINGS} auto-assigned bookings over both instances: none lost, no overlap, counts derived, spread ≤ 1, audit complete`, async () => {
    if (!db || !fixture) throw new Error("not set up");
    const result = await runTwoInstances(db.url, fixture, apps, BOOKINGS, { concurrency: 20, boundMs: 20_000 });

    expect(result.problems).toEqual([]);
    // Both instances did part of the work, and every 201 is counted once.
    expect(Object.keys(result.perInstance)).toHaveLength(2);
    const landed = result.outcomes.filter((o) => o.status === 201).length;
    expect((result.report.counts.fair?.total ?? 0) + (result.report.counts.contended?.total ?? 0)).toBe(landed);
  }, 120_000);
});

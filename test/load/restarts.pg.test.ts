import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/test/db";
import { assertBuilt } from "@/test/next-process";
import { createLoadDatabase, seedLoadFixture, startInstances, type AppInstance, type LoadDatabase, type LoadFixture } from "./harness";
import { startPrivateCluster, type PrivateCluster } from "./private-cluster";
import { RECOVERY_CLAIM_MS, runRestarts } from "./restarts-run";

// The CI size of the restart part of bench/faults.ts. PostgreSQL restarts on a private
// cluster of this test's own, so the shared server and the other test files are untouched.
// The bound: queue_timeout (6 s, db/client.ts) plus a margin.
const BOUND_MS = 8_000;
const POOL_SIZE = 10;

describe.runIf(testDatabaseKinds().includes("postgres"))("PostgreSQL restarts during bookings [postgres]", () => {
  let cluster: PrivateCluster | undefined;
  let db: LoadDatabase | undefined;
  let fixture: LoadFixture | undefined;
  let app: AppInstance | undefined;

  beforeAll(async () => {
    assertBuilt();
    cluster = await startPrivateCluster();
    db = await createLoadDatabase(cluster.adminUrl);
    fixture = await seedLoadFixture(db.url, { restarts: 6 });
    [app] = await startInstances(db.url, 1, POOL_SIZE);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await db?.admin.end({ timeout: 1 });
    await cluster?.stop();
  });

  it(`pg_ctl restart -m fast, then -m immediate, mid-load: only 201s and 503s, nothing half-written, booking again within ${RECOVERY_CLAIM_MS / 1000} s of PostgreSQL accepting sessions, the app never restarted`, async () => {
    if (!cluster || !db || !fixture || !app) throw new Error("not set up");
    const result = await runRestarts(cluster, db.url, fixture, [app], {
      concurrency: 2 * POOL_SIZE,
      boundMs: BOUND_MS,
      warmupSuccesses: 30,
      successesAfterRestart: 30,
      modes: ["fast", "immediate"],
      steadyRequests: 30,
      poolSize: POOL_SIZE,
      rotationKey: "restarts",
      firstIndex: 0,
    });

    expect(result.problems).toEqual([]);
    expect(result.restarts.map((r) => r.mode)).toEqual(["fast", "immediate"]);
    // Both restarts really hurt the load: requests were refused while PostgreSQL was down.
    for (const r of result.restarts) expect(r.statuses["503 unavailable"] ?? 0, r.mode).toBeGreaterThan(0);
    expect(result.report.lostBookings).toEqual([]);
    expect(app.running()).toBe(true);
  }, 90_000);
});

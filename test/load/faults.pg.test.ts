import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabaseKinds } from "@/test/db";
import { assertBuilt } from "@/test/next-process";
import { sendBooking, tally, type BookingRequest } from "./booking-load";
import { runFaults } from "./faults-run";
import { beginOutage, createLoadDatabase, endOutage, firstSlot, HALF_HOUR_MS, seedLoadFixture, startInstances, type AppInstance, type LoadDatabase, type LoadFixture } from "./harness";

// The CI size of bench/faults.ts. PostgreSQL misbehaves for this test's database only, so the
// other test files sharing the server are not disturbed.
// No request may wait longer (db/client.ts gives up waiting for a session after 6 s); the
// outage is longer than that, so a request stuck until the database returns would show.
const BOUND_MS = 8_000;
const OUTAGE_MS = 9_000;
const POOL_SIZE = 10;

describe.runIf(testDatabaseKinds().includes("postgres"))("PostgreSQL faults during bookings [postgres]", () => {
  let db: LoadDatabase | undefined;
  let fixture: LoadFixture | undefined;
  let app: AppInstance | undefined;
  const setUp = () => {
    if (!db || !fixture || !app) throw new Error("not set up");
    return { db, fixture, app };
  };

  beforeAll(async () => {
    assertBuilt();
    db = await createLoadDatabase(inject("postgresAdminUrl"), inject("postgresTemplateDb"));
    fixture = await seedLoadFixture(db.url, { fair: 6, quiet: 2 });
    [app] = await startInstances(db.url, 1, POOL_SIZE);
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await db?.dispose();
  });

  it("a database that refuses connections gets 503 unavailable (not 500), and bookings resume once it accepts them", async () => {
    const { db, fixture, app } = setUp();
    // Its own rotation and a month ahead: apart from the load test's bookings.
    const request = (index: number): BookingRequest => ({ index: 1_000_000 + index, target: app.baseUrl, rotationKey: "quiet", start: new Date(firstSlot(60) + index * HALF_HOUR_MS).toISOString() });
    await beginOutage(db);
    let refused;
    try {
      refused = await Promise.all(Array.from({ length: 8 }, (_, i) => sendBooking(fixture, request(i), BOUND_MS)));
    } finally {
      await endOutage(db);
    }
    expect(tally(refused)).toEqual({ "503 unavailable": 8 });

    const deadline = Date.now() + 10_000;
    let attempt = 8;
    let status: number | string = 0;
    while (status !== 201 && Date.now() < deadline) status = (await sendBooking(fixture, request(attempt++), BOUND_MS)).status;
    expect(status).toBe(201);
    expect(app.alarms).toEqual([]);
  }, 60_000);

  it("sessions ended three times and a 9 s outage mid-load: only 201s and 503s within the bound, bookings resume within seconds, nothing half-written", async () => {
    const { db, fixture, app } = setUp();
    const result = await runFaults(db, fixture, [app], {
      concurrency: 2 * POOL_SIZE,
      boundMs: BOUND_MS,
      warmupSuccesses: 30,
      kills: 3,
      successesAfterKill: 20,
      outageMs: OUTAGE_MS,
      afterRecoveryMs: 500,
      steadyRequests: 30,
      poolSize: POOL_SIZE,
    });

    expect(result.problems).toEqual([]);
    expect(result.outage.requests).toBeGreaterThan(0);
    expect(Math.max(...Object.values(result.recoveryMs))).toBeLessThan(5_000);
    expect(result.report.lostBookings).toEqual([]);
  }, 90_000);
});

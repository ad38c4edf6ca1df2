// Booking throughput (issue 7): 50 concurrent clients auto-assigning through POST /api/v1/meetings
// on one rotation, against the stack's ceiling — the smallest write the product already makes,
// PATCH /api/v1/rotations/{id}/members/{userId} switching a member's availability: same token
// check and pool, one transaction that locks one rotation row, updates one row and writes one
// audit row. Each client toggles a rotation of its own, so the ceiling never waits on a lock.
// Target: ratio ≥ 0.5.
// Also: the same requests one at a time, the use case alone (no HTTP), and where the pool's
// connections spend the booking run (sampled from pg_stat_activity).
// Run: npm run build && npm run bench:booking   (PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL's server, or the local one)
// BENCH_CPU_PROFILE=1: bookings only, with the server under the V8 profiler; prints where its CPU time went.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { actorFor } from "@/test/factories";
import { durations, fromList, percentile, progress, runPool, sendAvailabilityToggle, sendBooking, tally, type AvailabilityToggle, type BookingRequest, type Outcome } from "@/test/load/booking-load";
import { benchAdminUrl, createLoadDatabase, firstSlot, HALF_HOUR_MS, seedLoadFixture, startInstances, type LoadDatabase } from "@/test/load/harness";
import { assertBuilt } from "@/test/next-process";
import { summarizeCpuProfile } from "./cpu-profile";
import { round } from "./support";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SERIAL = 200;
const MEMBERS = 10;
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const BOUND_MS = 30_000;
// Bookings are at most a year ahead, one half hour each.
if (700 + REQUESTS * ROUNDS > 365 * 48) throw new Error("BENCH_REQUESTS × BENCH_ROUNDS must stay under about 16,800 half hours.");
const profileDir = process.env.BENCH_CPU_PROFILE ? mkdtempSync(path.join(tmpdir(), "booking-cpu-")) : undefined;

assertBuilt();

/**
 * `--cpu-prof` is not allowed in NODE_OPTIONS, so the server preloads this instead: the
 * inspector's profiler, from start-up to exit (Next.js exits on SIGTERM).
 */
function profilerPreload(dir: string): string {
  const file = path.join(dir, "preload.cjs");
  writeFileSync(
    file,
    `const inspector = require("node:inspector");
const fs = require("node:fs");
const session = new inspector.Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.start");
process.on("exit", () => session.post("Profiler.stop", (error, result) => {
  if (!error) fs.writeFileSync(${JSON.stringify(path.join(dir, "server.cpuprofile"))}, JSON.stringify(result.profile));
}));
`,
  );
  return file;
}

const db = await createLoadDatabase(benchAdminUrl());
const { fixture, app } = await (async () => {
  try {
    // One one-member rotation per client for the ceiling's toggles.
    const ceilingRotations = Object.fromEntries(Array.from({ length: CLIENTS }, (_, i) => [`ceiling${String(i).padStart(2, "0")}`, 1]));
    const seeded = await seedLoadFixture(db.url, { bench: MEMBERS, ...ceilingRotations });
    const [started] = await startInstances(db.url, 1, POOL_SIZE, profileDir ? { NODE_OPTIONS: `--require ${profilerPreload(profileDir)}` } : {});
    if (!started) throw new Error("no app instance");
    return { fixture: seeded, app: started };
  } catch (error) {
    await db.dispose();
    throw error;
  }
})();
console.log(`app ${app.baseUrl} on database ${db.name} (pool ${POOL_SIZE}); rotation of ${MEMBERS} members working 24/7`);

// Every booking at a half hour of its own: all members free, so each request does the full work and lands.
const base = firstSlot(1);
let slot = 0;
const bookings = (n: number): BookingRequest[] =>
  Array.from({ length: n }, () => {
    const index = slot++;
    return { index, target: app.baseUrl, rotationKey: "bench", start: new Date(base + index * HALF_HOUR_MS).toISOString() };
  });
// Toggle i switches rotation i mod CLIENTS, alternating off and on, so each one changes a row.
const ceilingTargets = Object.entries(fixture.rotations).filter(([key]) => key.startsWith("ceiling")).map(([, rotation]) => rotation);
let toggle = 0;
const toggles = (n: number): AvailabilityToggle[] =>
  Array.from({ length: n }, () => {
    const i = toggle++;
    const rotation = ceilingTargets[i % ceilingTargets.length];
    if (!rotation?.memberIds[0]) throw new Error("no ceiling rotation");
    return { target: app.baseUrl, rotationId: rotation.id, userId: rotation.memberIds[0], available: Math.floor(i / ceilingTargets.length) % 2 === 1 };
  });

interface Run {
  rps: number;
  p50: number;
  p95: number;
  statuses: Record<string, number>;
}

async function measure<T>(label: string, items: T[], clients: number, send: (item: T) => Promise<Outcome<unknown>>, success = "201"): Promise<Run> {
  const meter = progress(label, items.length);
  const started = performance.now();
  const outcomes = await runPool(clients, fromList(items), send, (o) => meter.tick(o));
  const seconds = (performance.now() - started) / 1000;
  meter.done();
  const times = durations(outcomes);
  const statuses = tally(outcomes);
  if (Object.keys(statuses).some((s) => s !== success)) throw new Error(`${label}: not every request succeeded: ${JSON.stringify(statuses)}`);
  return { rps: outcomes.length / seconds, p50: percentile(times, 0.5), p95: percentile(times, 0.95), statuses };
}

const book = (r: BookingRequest) => sendBooking(fixture, r, BOUND_MS);
const toggleAvailability = (r: AvailabilityToggle) => sendAvailabilityToggle(fixture, r, BOUND_MS);

/** How many of the app's connections are in each state, on average, while `work` runs. */
async function sampleConnections<T>(database: LoadDatabase, work: Promise<T>): Promise<{ result: T; states: Record<string, number> }> {
  const totals: Record<string, number> = {};
  let samples = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const rows = await database.admin<{ state: string; n: number }[]>`
        select case
                 when state = 'active' and wait_event_type = 'Lock' then 'waiting for the rotation lock'
                 when state = 'active' then 'running a statement'
                 when state like 'idle in transaction%' then 'in a transaction, waiting for the app'
                 else 'idle in the pool' end as state,
               count(*)::int as n
        from pg_stat_activity where datname = ${database.name} and backend_type = 'client backend' group by 1`;
      for (const row of rows) totals[row.state] = (totals[row.state] ?? 0) + row.n;
      samples++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const result = await work.finally(() => (running = false));
  await sampler;
  return { result, states: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, round(v / Math.max(samples, 1), 2)])) };
}

/**
 * How many bookings `work` wrote per transaction, on average: rows one transaction writes
 * share its id (xmin), so this is the group commit's batch size (lib/server/booking/queue.ts).
 */
async function bookingsPerTransaction<T>(database: LoadDatabase, work: () => Promise<T>): Promise<{ result: T; perTransaction: number }> {
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const [before] = await sql<{ at: Date }[]>`select clock_timestamp() as at`;
    const result = await work();
    const [row] = await sql<{ n: number; tx: number }[]>`
      select count(*)::int as n, count(distinct xmin::text)::int as tx from meetings where created_at >= ${before?.at ?? new Date(0)}`;
    return { result, perTransaction: row && row.tx > 0 ? row.n / row.tx : 0 };
  } finally {
    await sql.end();
  }
}

let failed = false;
if (profileDir) {
  try {
    await measure("warm-up bookings", bookings(300), CLIENTS, book);
    const run = await measure("bookings (profiled)", bookings(REQUESTS), CLIENTS, book);
    await app.stop();
    const [profile] = readdirSync(profileDir)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => path.join(profileDir, f))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    if (!profile) throw new Error("the server wrote no CPU profile");
    const { busyMs, buckets } = summarizeCpuProfile(profile);
    console.log(`${round(run.rps, 0)} bookings/s under the profiler; server CPU busy ${round(busyMs / 1000, 1)} s, self time by source:`);
    for (const b of buckets.slice(0, 15)) console.log(`  ${String(round(b.share * 100, 1)).padStart(5)} %  ${b.bucket}`);
  } finally {
    await app.stop();
    await db.dispose();
    if (process.env.BENCH_VERBOSE) console.log(`profile kept in ${profileDir}`);
    else rmSync(profileDir, { recursive: true, force: true });
  }
  process.exit(0);
}
try {
  console.log("warm-up (not measured)");
  await measure("availability toggles", toggles(300), CLIENTS, toggleAvailability, "200");
  await measure("bookings", bookings(300), CLIENTS, book);

  console.log("one request at a time");
  const serialToggle = await measure("availability toggles", toggles(SERIAL), 1, toggleAvailability, "200");
  const serialBooking = await measure("bookings", bookings(SERIAL), 1, book);
  // The use case alone, in this process: no HTTP, no Next.js, no token check.
  const direct = await openDatabase({ kind: "postgres", url: db.url, poolSize: 1 });
  const admin = await actorFor(direct.db, "load_admin");
  const rotationId = fixture.rotations.bench?.id;
  const useCaseTimes: number[] = [];
  for (const r of bookings(SERIAL)) {
    const started = performance.now();
    const booked = await bookMeeting(direct.db, admin, { recordType: "contact", recordId: fixture.contactId, title: `Direct #${r.index}`, start: r.start, durationMinutes: 30, rotationId });
    useCaseTimes.push(performance.now() - started);
    if (!booked.ok) throw new Error(`direct booking failed: ${booked.error.code}`);
  }
  await direct.close();

  console.log(`${CLIENTS} clients, ${REQUESTS} requests each run, ${ROUNDS} rounds`);
  const toggleRuns: Run[] = [];
  const bookingRuns: Run[] = [];
  let states: Record<string, number> = {};
  const batchSizes: number[] = [];
  for (let round_ = 1; round_ <= ROUNDS; round_++) {
    toggleRuns.push(await measure(`round ${round_} availability toggles`, toggles(REQUESTS), CLIENTS, toggleAvailability, "200"));
    const counted = await bookingsPerTransaction(db, () => sampleConnections(db, measure(`round ${round_} bookings`, bookings(REQUESTS), CLIENTS, book)));
    bookingRuns.push(counted.result.result);
    states = counted.result.states;
    batchSizes.push(counted.perTransaction);
  }

  const mean = (runs: Run[], key: keyof Omit<Run, "statuses">) => runs.reduce((sum, r) => sum + r[key], 0) / runs.length;
  const ceiling = mean(toggleRuns, "rps");
  const booking = mean(bookingRuns, "rps");
  console.log("");
  console.log(`availability toggle (ceiling): ${round(ceiling, 0)} req/s, p50 ${round(mean(toggleRuns, "p50"), 1)} ms, p95 ${round(mean(toggleRuns, "p95"), 1)} ms`);
  console.log(`auto-assigned booking: ${round(booking, 0)} req/s, p50 ${round(mean(bookingRuns, "p50"), 1)} ms, p95 ${round(mean(bookingRuns, "p95"), 1)} ms`);
  console.log(`ratio booking / ceiling: ${round(booking / ceiling, 2)} (target ≥ 0.5; rounds: ${bookingRuns.map((b, i) => round(b.rps / (toggleRuns[i]?.rps ?? 1), 2)).join(", ")})`);
  console.log(`one at a time: toggle p50 ${round(serialToggle.p50, 1)} ms, booking p50 ${round(serialBooking.p50, 1)} ms, booking use case alone p50 ${round(percentile(useCaseTimes, 0.5), 1)} ms`);
  console.log(`pool connections during the booking run (average of ${POOL_SIZE}): ${Object.entries(states).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`bookings per transaction (group commit): ${batchSizes.map((b) => round(b, 1)).join(", ")}`);
  if (booking / ceiling < 0.5) {
    failed = true;
    console.log("below the 0.5 target: exit status 1 (BENCHMARKS.md, \"Where a booking's time went\")");
  }
} finally {
  await app.stop();
  await db.dispose();
}
process.exit(failed ? 1 : 0);

// Faults in the middle of a booking load (issue 7): PostgreSQL sessions ended with
// pg_terminate_backend, then a short outage (connections refused), against two `next start`
// instances on one database. Prints what clients saw, how fast the app came back, and the
// invariants checked in SQL afterwards; exits 1 if any claim fails.
// Run: npm run build && npm run bench:faults   (PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL's server, or the local one)
import { assertBuilt } from "@/test/next-process";
import { benchAdminUrl, createLoadDatabase, seedLoadFixture, startInstances } from "@/test/load/harness";
import { runFaults } from "@/test/load/faults-run";
import { printVerdict } from "./support";

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 2);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_MS ?? 3_000);

assertBuilt();
const db = await createLoadDatabase(benchAdminUrl());
console.log(`database ${db.name}; ${INSTANCES} instances, pool ${POOL_SIZE} each`);
const apps: Awaited<ReturnType<typeof startInstances>> = [];
let failed = false;
try {
  const fixture = await seedLoadFixture(db.url, { fair: 10 });
  apps.push(...(await startInstances(db.url, INSTANCES, POOL_SIZE)));
  console.log(`instances: ${apps.map((a) => a.baseUrl).join(", ")}`);
  const result = await runFaults(db, fixture, apps, {
    concurrency: 32,
    boundMs: 10_000,
    warmupSuccesses: 300,
    kills: 5,
    successesAfterKill: 100,
    outageMs: OUTAGE_MS,
    afterRecoveryMs: 3_000,
    steadyRequests: 200,
    poolSize: POOL_SIZE,
    log: (line) => console.log(line),
  });
  const r = result.report;
  console.log(`answers during the load: ${JSON.stringify(result.statuses)}; slowest ${result.maxMs} ms`);
  console.log(`kills: ${result.kills.map((k) => `${k.terminated} sessions ended, back in ${k.recoveredMs} ms`).join("; ")}`);
  console.log(`outage ${result.outage.ms} ms: ${result.outage.requests} requests wholly inside it → ${JSON.stringify(result.outage.statuses)}, slowest ${result.outage.maxMs} ms; all sent during it → ${JSON.stringify(result.outage.sentDuring)}`);
  console.log(`recovery (end of outage → first 201 per instance): ${Object.values(result.recoveryMs).map((ms) => `${ms} ms`).join(", ")}`);
  console.log(`after the faults, ${POOL_SIZE * 2} at a time per instance: ${JSON.stringify(result.steady.statuses)}, p50 ${result.steady.p50} ms, p99 ${result.steady.p99} ms`);
  console.log(`in SQL: ${r.counts.fair?.total} meetings counted, spread ${r.counts.fair?.min}…${r.counts.fair?.max}; lost ${r.lostBookings.length}; overlaps ${r.overlappingPairs}; count mismatches ${r.countMismatches.length}; meetings without audit ${r.meetingsWithoutAudit}, audit without meeting ${r.auditWithoutMeeting}`);
  console.log(`committed but answered 503 (outcome unknown to the client): ${r.committedButUnacknowledged}`);
  for (const alarm of result.alarms.slice(0, 5)) console.log(`server log: ${alarm.trim().slice(0, 600)}`);
  failed = printVerdict(result.problems);
} finally {
  await Promise.all(apps.map((a) => a.stop()));
  await db.dispose();
}
process.exit(failed ? 1 : 0);

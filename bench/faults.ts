// Faults in the middle of a booking load (issues 7 and 12), against two `next start` instances
// on one database of a private PostgreSQL 15 cluster (initdb + pg_ctl in a temporary folder on
// a free port: nothing else on the machine is touched): sessions ended with pg_terminate_backend,
// a short outage (connections refused), then PostgreSQL itself restarted with
// `pg_ctl restart -m fast` and `-m immediate`. Prints what clients saw, how fast the app came
// back, and the invariants checked in SQL afterwards; exits 1 if any claim fails.
// Run: npm run build && npm run bench:faults   (as root, PostgreSQL runs as the `postgres` user)
import { runFaults } from "@/test/load/faults-run";
import { createLoadDatabase, seedLoadFixture, startInstances, type AppInstance } from "@/test/load/harness";
import type { InvariantReport } from "@/test/load/invariants";
import { startPrivateCluster } from "@/test/load/private-cluster";
import { runRestarts } from "@/test/load/restarts-run";
import { assertBuilt } from "@/test/next-process";
import { printVerdict } from "./support";

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 2);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_MS ?? 3_000);
const BOUND_MS = 10_000;

const describeReport = (r: InvariantReport, key: string) =>
  `${r.counts[key]?.total} meetings counted, spread ${r.counts[key]?.min}…${r.counts[key]?.max}; lost ${r.lostBookings.length}; overlaps ${r.overlappingPairs}; count mismatches ${r.countMismatches.length}; meetings without audit ${r.meetingsWithoutAudit}, audit without meeting ${r.auditWithoutMeeting}; committed but answered 503 ${r.committedButUnacknowledged}`;

assertBuilt();
const cluster = await startPrivateCluster();
const apps: AppInstance[] = [];
let failed = false;
// A run that has not finished in 5 minutes is stuck: say so, and still stop the apps and the cluster.
const watchdog = setTimeout(() => {
  console.log("FAILED: the run did not finish within 5 minutes (stuck); stopping the apps and the cluster");
  void Promise.all(apps.map((a) => a.stop()))
    .then(() => cluster.stop())
    .finally(() => process.exit(2));
}, 300_000);
try {
  const db = await createLoadDatabase(cluster.adminUrl);
  console.log(`private cluster ${cluster.adminUrl}, database ${db.name}; ${INSTANCES} instances, pool ${POOL_SIZE} each`);
  const fixture = await seedLoadFixture(db.url, { fair: 10, restarts: 10 });
  apps.push(...(await startInstances(db.url, INSTANCES, POOL_SIZE)));
  const log = (line: string) => console.log(line);

  const faults = await runFaults(db, fixture, apps, {
    concurrency: 32,
    boundMs: BOUND_MS,
    warmupSuccesses: 150,
    kills: 3,
    successesAfterKill: 50,
    outageMs: OUTAGE_MS,
    afterRecoveryMs: 1_000,
    steadyRequests: 100,
    poolSize: POOL_SIZE,
    log,
  });
  console.log(`answers during the load: ${JSON.stringify(faults.statuses)}; slowest ${faults.maxMs} ms`);
  console.log(`kills: ${faults.kills.map((k) => `${k.terminated} sessions ended, back in ${k.recoveredMs} ms`).join("; ")}`);
  console.log(`outage ${faults.outage.ms} ms: ${faults.outage.requests} requests wholly inside it → ${JSON.stringify(faults.outage.statuses)}; all sent during it → ${JSON.stringify(faults.outage.sentDuring)}`);
  console.log(`recovery (end of outage → first 201 per instance): ${Object.values(faults.recoveryMs).map((ms) => `${ms} ms`).join(", ")}`);
  console.log(`after the faults, ${POOL_SIZE * 2} at a time per instance: ${JSON.stringify(faults.steady.statuses)}, p50 ${faults.steady.p50} ms, p99 ${faults.steady.p99} ms`);
  console.log(`in SQL: ${describeReport(faults.report, "fair")}`);

  const restarts = await runRestarts(cluster, db.url, fixture, apps, {
    concurrency: 32,
    boundMs: BOUND_MS,
    warmupSuccesses: 60,
    successesAfterRestart: 60,
    modes: ["fast", "immediate"],
    steadyRequests: 100,
    poolSize: POOL_SIZE,
    rotationKey: "restarts",
    firstIndex: 1_000_000,
    log,
  });
  console.log(`answers during the restarts: ${JSON.stringify(restarts.statuses)}; slowest ${restarts.maxMs} ms`);
  for (const r of restarts.restarts) {
    console.log(`restart -m ${r.mode}: PostgreSQL down ${r.downMs} ms; first 201 ${r.recoveredMs} ms after it accepted sessions; failed requests sent ≥ 2 s after that: ${r.failedAfterRecovery}; answers ${JSON.stringify(r.statuses)}`);
  }
  console.log(`after the restarts: ${JSON.stringify(restarts.steady.statuses)}, p50 ${restarts.steady.p50} ms, p99 ${restarts.steady.p99} ms`);
  console.log(`in SQL: ${describeReport(restarts.report, "restarts")}`);
  const alarms = [...new Set([...faults.alarms, ...restarts.alarms])];
  for (const alarm of alarms.slice(0, 5)) console.log(`server log: ${alarm.trim().slice(0, 600)}`);
  // Machine-readable summary for the loop script (scripts in bench/ aggregate it).
  console.log(
    `SUMMARY ${JSON.stringify({
      unexpected: Object.keys({ ...faults.statuses, ...restarts.statuses }).filter((s) => s !== "201" && s !== "503 unavailable"),
      statuses: faults.statuses,
      restartStatuses: restarts.statuses,
      killsRecoveredMs: faults.kills.map((k) => k.recoveredMs),
      outageRecoveryMs: Object.values(faults.recoveryMs),
      restarts: restarts.restarts.map((r) => ({ mode: r.mode, downMs: r.downMs, recoveredMs: r.recoveredMs, failedAfterRecovery: r.failedAfterRecovery })),
      steady: [faults.steady.statuses, restarts.steady.statuses],
      problems: [...faults.problems, ...restarts.problems],
    })}`,
  );
  failed = printVerdict([...faults.problems, ...restarts.problems]);
  await db.admin.end({ timeout: 1 });
} finally {
  clearTimeout(watchdog);
  await Promise.all(apps.map((a) => a.stop()));
  await cluster.stop();
}
process.exit(failed ? 1 : 0);

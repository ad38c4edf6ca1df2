// Two app instances, one PostgreSQL (issue 7): 1,000 auto-assigned bookings spread over two
// `next start` processes and many half hours, then every claim checked in SQL — no booking
// lost, no host booked twice at once, counts equal to their derivation from the meetings,
// counts within one of each other where every member was free, an audit row per booking.
// Exits 1 if any claim fails. The CI-sized run is test/load/two-instances.pg.test.ts.
// Run: npm run build && npm run bench:two-instances   (PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL's server, or the local one)
import { durations, percentile } from "@/test/load/booking-load";
import { benchAdminUrl, createLoadDatabase, seedLoadFixture, startInstances, type AppInstance } from "@/test/load/harness";
import { runTwoInstances, TWO_INSTANCE_ROTATIONS } from "@/test/load/two-instances-run";
import { assertBuilt } from "@/test/next-process";
import { printVerdict, round } from "./support";

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 1_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);

assertBuilt();
const db = await createLoadDatabase(benchAdminUrl());
const apps: AppInstance[] = [];
let failed = false;
try {
  const fixture = await seedLoadFixture(db.url, TWO_INSTANCE_ROTATIONS);
  apps.push(...(await startInstances(db.url, 2, POOL_SIZE)));
  console.log(`database ${db.name}; instances ${apps.map((a) => a.baseUrl).join(" and ")} (pool ${POOL_SIZE} each); ${CLIENTS} clients`);
  console.log(`rotations: "fair" (${TWO_INSTANCE_ROTATIONS.fair} members, a half hour per booking), "contended" (${TWO_INSTANCE_ROTATIONS.contended} members, each half hour asked ${TWO_INSTANCE_ROTATIONS.contended + 1} times)`);
  const result = await runTwoInstances(db.url, fixture, apps, BOOKINGS, { concurrency: CLIENTS, boundMs: 30_000, showProgress: true });
  const r = result.report;
  const times = durations(result.outcomes);
  console.log(`${result.outcomes.length} requests in ${round(result.seconds, 1)} s (${round(result.outcomes.length / result.seconds, 0)}/s), p50 ${round(percentile(times, 0.5), 0)} ms, p95 ${round(percentile(times, 0.95), 0)} ms`);
  console.log(`answers: ${JSON.stringify(result.statuses)}; 201s per instance: ${Object.values(result.perInstance).join(" / ")}`);
  console.log(`in SQL: lost bookings ${r.lostBookings.length}; rows for refused requests ${r.rowsForRefusals}; overlapping pairs ${r.overlappingPairs}; count mismatches ${r.countMismatches.length}; meetings without audit ${r.meetingsWithoutAudit}, audit without meeting ${r.auditWithoutMeeting}`);
  for (const [key, c] of Object.entries(r.counts)) console.log(`  ${key}: ${c.total} meetings, counts ${c.min}…${c.max} (spread ${c.max - c.min})`);
  failed = printVerdict(result.problems);
} finally {
  await Promise.all(apps.map((a) => a.stop()));
  await db.dispose();
}
process.exit(failed ? 1 : 0);

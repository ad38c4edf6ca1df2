// Proposal latency with 1,000 vs 1,000,000 meetings in the table (issue 3).
// The decision reads one row per member, never the history, so the two medians should match.
// Run: npm run bench:proposal   (PostgreSQL from BENCH_DATABASE_URL or the local test server)
import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { loadActor } from "@/lib/server/actor";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { openBenchDatabase, round, summarize } from "./support";

const MEMBERS = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const SIZES = [1_000, 1_000_000];
const BATCH = 100_000;

const bench = await openBenchDatabase("proposal");
const { db } = bench.handle;
try {
  await db.insert(users).values([
    { id: "admin", name: "Admin", email: "admin@bench.test", role: "admin", calendarConnected: true, calendarSyncEnabled: true },
    ...Array.from({ length: MEMBERS }, (_, i) => ({ id: `m${i}`, name: `Member ${i}`, email: `m${i}@bench.test`, calendarConnected: true, calendarSyncEnabled: true })),
  ]);
  const admin = await loadActor(db, "admin");
  if (!admin) throw new Error("admin missing");
  const created = await createRotation(db, admin, { name: "Bench", userIds: Array.from({ length: MEMBERS }, (_, i) => `m${i}`) });
  if (!created.ok) throw new Error(created.error.message);
  const { rotationId } = created.value;

  let inserted = 0;
  const medians: number[] = [];
  for (const size of SIZES) {
    // Meetings of this rotation, one hour apart per host so the exclusion constraint holds.
    while (inserted < size) {
      const n = Math.min(BATCH, size - inserted);
      await db.execute(sql`
        insert into meetings (host_user_id, booked_by_user_id, rotation_id, rotation_generation, record_type, record_id, title, starts_at, ends_at, created_at)
        select 'm' || (i % ${MEMBERS}::int), 'admin', ${rotationId}::uuid, 1, 'contact', gen_random_uuid(), 'Bench',
               timestamptz '2020-01-01' + (i / ${MEMBERS}::int) * interval '1 hour',
               timestamptz '2020-01-01' + (i / ${MEMBERS}::int) * interval '1 hour' + interval '30 minutes',
               timestamptz '2020-01-01' + i * interval '1 second'
        from generate_series(${inserted}::int, ${inserted + n - 1}::int) as i`);
      inserted += n;
      process.stdout.write(`\r  meetings in table: ${inserted.toLocaleString("en-US")}   `);
    }
    await db.execute(sql`analyze meetings`);
    process.stdout.write("\n");
    for (let i = 0; i < 50; i++) await getProposal(db, admin, rotationId); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await getProposal(db, admin, rotationId);
      samples.push(performance.now() - started);
      if (!result.ok || !result.value.ranking.proposed) throw new Error("no proposal");
    }
    const { median, p95 } = summarize(samples);
    medians.push(median);
    console.log(`${size.toLocaleString("en-US").padStart(9)} meetings: proposal median ${round(median, 3)} ms, p95 ${round(p95, 3)} ms (${RUNS} runs, ${MEMBERS} members)`);
  }
  const [small, large] = medians;
  console.log(`ratio (1,000,000 / 1,000): ${round((large ?? 0) / (small ?? 1), 3)}  (target ≤ 1.3)`);
} finally {
  await bench.dispose();
}

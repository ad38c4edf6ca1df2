// Proposal latency with 1,000 vs 1,000,000 meetings in the table (issues 3 and 13), with
// HubSpot's defaults and with every fairness control on (monthly window, keep level, caps,
// out-of-office periods), for "who is next" and for a given meeting time; then a 300-member
// rotation with every control on. The decision reads one row per member and the recent
// weeks, never the history, so the medians at both sizes should match.
// Run: npm run bench:proposal   (PostgreSQL from BENCH_DATABASE_URL or the local test server)
import { eq, sql } from "drizzle-orm";
import { rotations, users } from "@/db/schema";
import type { Database } from "@/db/client";
import { loadActor, type Actor } from "@/lib/server/actor";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { openBenchDatabase, printVerdict, round, summarize } from "./support";

const MEMBERS = 20;
const WIDE_MEMBERS = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const SIZES = [1_000, 1_000_000];
const BATCH = 100_000;
const DAY_MS = 86_400_000;

/** A weekday at 15:00 UTC a few days out: inside the members' default working hours. */
function meetingTimeAhead(now: Date): string {
  let day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2, 15));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + DAY_MS);
  return day.toISOString();
}

async function createBenchRotation(db: Database, admin: Actor, name: string, userIds: string[]) {
  const created = await createRotation(db, admin, { name, userIds });
  if (!created.ok) throw new Error(created.error.message);
  const [rotation] = await db.select().from(rotations).where(eq(rotations.id, created.value.rotationId));
  if (!rotation) throw new Error("rotation missing");
  return rotation;
}

/**
 * The recent weeks every size shares: three meetings per member around now, counted in the
 * ledger now; two members out of office now and one back from a period that ended today.
 */
async function addRecentActivity(db: Database, rotationId: string, generation: number, members: number, prefix: string, minute = 0) {
  await db.execute(sql`
    with booked as (
      insert into meetings (host_user_id, booked_by_user_id, rotation_id, rotation_generation, record_type, record_id, title, starts_at, ends_at)
      select ${prefix} || (i % ${members}::int), 'admin', ${rotationId}::uuid, ${generation}::int, 'contact', gen_random_uuid(), 'Recent',
             date_trunc('hour', now()) + (i / ${members}::int - 1) * interval '1 day' + interval '2 hours' + ${minute} * interval '1 minute',
             date_trunc('hour', now()) + (i / ${members}::int - 1) * interval '1 day' + interval '2 hours 25 minutes' + ${minute} * interval '1 minute'
      from generate_series(0, ${members * 3 - 1}::int) as i
      returning id, host_user_id)
    insert into count_entries (rotation_id, user_id, generation, delta, cause, meeting_id, counts_at)
    select ${rotationId}::uuid, host_user_id, ${generation}::int, 1, 'meeting', id, now() from booked`);
  if (minute > 0) return; // the periods belong to the users, not the rotation
  await db.execute(sql`
    insert into out_of_office_periods (user_id, starts_at, ends_at) values
      (${prefix} || '1', now() - interval '1 day', now() + interval '7 days'),
      (${prefix} || '2', now() - interval '1 hour', now() + interval '2 days'),
      (${prefix} || '3', now() - interval '3 days', now() - interval '1 minute')`);
}

/** Every control on: monthly window in New York, keep level, no-shows credited, three caps. */
async function switchControlsOn(db: Database, rotationId: string) {
  await db
    .update(rotations)
    .set({ countWindow: "monthly", timeZone: "America/New_York", returnPolicy: "keep_level", countNoShows: false, dailyCap: 4, weeklyCap: 12, monthlyCap: 40 })
    .where(eq(rotations.id, rotationId));
}

async function medianOf(label: string, ask: () => Promise<boolean>): Promise<number> {
  for (let i = 0; i < 30; i++) await ask(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const proposed = await ask();
    samples.push(performance.now() - started);
    if (!proposed) throw new Error(`${label}: no proposal`);
  }
  const { median, p95 } = summarize(samples);
  console.log(`  ${label.padEnd(44)} median ${round(median, 3)} ms, p95 ${round(p95, 3)} ms (${RUNS} runs)`);
  return median;
}

const bench = await openBenchDatabase("proposal");
const { db } = bench.handle;
const problems: string[] = [];
try {
  await db.insert(users).values([
    { id: "admin", name: "Admin", email: "admin@bench.test", role: "admin", calendarConnected: true, calendarSyncEnabled: true },
    ...Array.from({ length: MEMBERS }, (_, i) => ({ id: `m${i}`, name: `Member ${i}`, email: `m${i}@bench.test`, calendarConnected: true, calendarSyncEnabled: true })),
    ...Array.from({ length: WIDE_MEMBERS }, (_, i) => ({ id: `w${i}`, name: `Wide ${i}`, email: `w${i}@bench.test`, calendarConnected: true, calendarSyncEnabled: true })),
  ]);
  const admin = await loadActor(db, "admin");
  if (!admin) throw new Error("admin missing");
  const plain = await createBenchRotation(db, admin, "Defaults", Array.from({ length: MEMBERS }, (_, i) => `m${i}`));
  const controlled = await createBenchRotation(db, admin, "Controls", Array.from({ length: MEMBERS }, (_, i) => `m${i}`));
  await switchControlsOn(db, controlled.id);
  for (const [k, rotation] of [plain, controlled].entries()) await addRecentActivity(db, rotation.id, rotation.resetGeneration, MEMBERS, "m", k * 30);
  const at = { start: meetingTimeAhead(new Date()) };

  let inserted = 0;
  const medians = new Map<string, number[]>();
  for (const size of SIZES) {
    // History in both rotations, one hour apart per host so the exclusion constraint holds,
    // each meeting with its ledger entry, counted long before the current month.
    while (inserted < size) {
      const n = Math.min(BATCH, size - inserted);
      for (const [k, rotation] of [plain, controlled].entries()) {
        await db.execute(sql`
          with booked as (
            insert into meetings (host_user_id, booked_by_user_id, rotation_id, rotation_generation, record_type, record_id, title, starts_at, ends_at, counted_at, created_at)
            select 'm' || (i % ${MEMBERS}::int), 'admin', ${rotation.id}::uuid, ${rotation.resetGeneration}::int, 'contact', gen_random_uuid(), 'Bench',
                   timestamptz '2020-01-01' + (i / ${MEMBERS}::int) * interval '1 hour' + ${k * 30} * interval '1 minute',
                   timestamptz '2020-01-01' + (i / ${MEMBERS}::int) * interval '1 hour' + ${k * 30 + 25} * interval '1 minute',
                   timestamptz '2020-01-01' + i * interval '1 second', timestamptz '2020-01-01' + i * interval '1 second'
            from generate_series(${inserted / 2}::int, ${(inserted + n) / 2 - 1}::int) as i
            returning id, host_user_id, counted_at)
          insert into count_entries (rotation_id, user_id, generation, delta, cause, meeting_id, counts_at)
          select ${rotation.id}::uuid, host_user_id, ${rotation.resetGeneration}::int, 1, 'meeting', id, counted_at from booked`);
      }
      inserted += n;
      process.stdout.write(`\r  meetings in table: ${inserted.toLocaleString("en-US")}   `);
    }
    await db.execute(sql`analyze`);
    process.stdout.write("\n");
    console.log(`${size.toLocaleString("en-US")} meetings of history (${MEMBERS} members):`);
    const proposes = (rotationId: string, query?: object) => async () => {
      const result = await getProposal(db, admin, rotationId, query);
      return result.ok && result.value.ranking.proposed !== null;
    };
    const runs: Array<[string, number]> = [
      ["defaults, who is next", await medianOf("defaults, who is next", proposes(plain.id))],
      ["controls on, who is next", await medianOf("every control on, who is next", proposes(controlled.id))],
      ["controls on, at a time", await medianOf("every control on, at a time", proposes(controlled.id, at))],
    ];
    for (const [label, median] of runs) medians.set(label, [...(medians.get(label) ?? []), median]);
  }
  for (const [label, [small = 1, large = 0]] of medians) {
    const ratio = large / small;
    console.log(`ratio (1,000,000 / 1,000), ${label}: ${round(ratio, 3)}  (target ≤ 1.3)`);
    if (ratio > 1.3) problems.push(`${label}: ratio ${round(ratio, 3)} > 1.3`);
  }

  const wide = await createBenchRotation(db, admin, "Wide", Array.from({ length: WIDE_MEMBERS }, (_, i) => `w${i}`));
  await switchControlsOn(db, wide.id);
  await addRecentActivity(db, wide.id, wide.resetGeneration, WIDE_MEMBERS, "w");
  await db.execute(sql`analyze`);
  console.log(`${WIDE_MEMBERS}-member rotation, every control on:`);
  const wideProposes = async () => {
    const result = await getProposal(db, admin, wide.id, at);
    return result.ok && result.value.ranking.proposed !== null;
  };
  await medianOf("who is next", async () => {
    const result = await getProposal(db, admin, wide.id);
    return result.ok && result.value.ranking.proposed !== null;
  });
  const wideAtTime = await medianOf("at a time, every member with a reason", wideProposes);
  if (wideAtTime > 5) problems.push(`${WIDE_MEMBERS} members at a time: median ${round(wideAtTime, 3)} ms > 5 ms`);
} finally {
  await bench.dispose();
}
if (printVerdict(problems)) process.exitCode = 1;

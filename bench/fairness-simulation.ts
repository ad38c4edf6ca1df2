// Fairness simulation (issue 7, item 4): a month of bookings replayed through the real use
// cases on a real database — mostly following the proposal, with overrides, deletions,
// holidays (availability off for a few days) and member adds (which reset counts, R7) — to
// show how far apart members' counts drift and how fast the rule brings them back.
// Run: npx tsx bench/fairness-simulation.ts        (PostgreSQL: BENCH_DATABASE_URL or local)
//      SIM_DB=pglite npx tsx bench/fairness-simulation.ts
// Knobs: SIM_SEED, SIM_DAYS, SIM_PER_DAY, SIM_P_OVERRIDE, SIM_P_DELETE, SIM_P_HOLIDAY, SIM_CHART.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { Ranking } from "@/lib/domain/ranking";
import type { Result } from "@/lib/domain/result";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { actorFor, ALWAYS_WORKING, insertContact, insertUser } from "@/test/factories";
import { derivedCounts } from "@/test/rotation-counts";
import { renderChart, type Band, type Marker, type Point } from "./svg-chart";
import { openBenchDatabase, round, summarize } from "./support";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SEED = num("SIM_SEED", 20300107);
const DAYS = num("SIM_DAYS", 30);
const PER_DAY = num("SIM_PER_DAY", 20);
const P_OVERRIDE = num("SIM_P_OVERRIDE", 0.1);
const P_DELETE = num("SIM_P_DELETE", 0.05);
const P_HOLIDAY = num("SIM_P_HOLIDAY", 0.15); // per day: someone starts 2–4 days off
const CHART = process.env.SIM_CHART ?? "docs/fairness.svg";
const NAMES = ["Ana", "Ben", "Chloe", "Dev", "Eli", "Fatou", "Gus", "Hana", "Ines", "Jon"];
const INITIAL = 8;
const JOINS = new Map([[Math.round(DAYS / 3), 8], [Math.round((2 * DAYS) / 3), 9]]); // day → NAMES index
const DAY_MS = 86_400_000;
const FIRST_MONDAY = Date.parse("2030-01-07T00:00:00Z");

/** mulberry32: tiny, seedable, good enough to draw choices; Math.random cannot be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const spreadOf = (counts: number[]) => (counts.length ? Math.max(...counts) - Math.min(...counts) : 0);
/** Working day d (0-based) at midnight UTC: weekends are skipped, as a sales team's are. */
const dayStart = (d: number) => FIRST_MONDAY + (Math.floor(d / 5) * 7 + (d % 5)) * DAY_MS;

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function openSimDatabase() {
  if (process.env.SIM_DB !== "pglite") return openBenchDatabase("fairness");
  const dataDir = mkdtempSync(path.join(tmpdir(), "fairness-"));
  const handle = await openDatabase({ kind: "pglite", dataDir });
  await migrateDatabase(handle);
  return { handle, dispose: async () => { await handle.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

type Kind = "booking" | "override" | "deletion" | "holiday_start" | "holiday_end" | "member_add";
interface Live { id: string; host: string; generation: number }

const started = performance.now();
const bench = await openSimDatabase();
const { db } = bench.handle;
const failures: string[] = [];
try {
  const ids = NAMES.map((_, i) => `m${i}`);
  for (const [i, name] of NAMES.entries()) await insertUser(db, { id: ids[i], name, workingHours: ALWAYS_WORKING });
  const admin = await actorFor(db, (await insertUser(db, { id: "admin", name: "Admin", role: "admin", canScheduleForOthers: true })).id);
  const rep = await actorFor(db, (await insertUser(db, { id: "rep", name: "Rep", canScheduleForOthers: true })).id);
  const contactId = await insertContact(db);
  let members = ids.slice(0, INITIAL);
  const { rotationId } = unwrap(await createRotation(db, admin, { name: "Inbound", userIds: members }), "create rotation");

  // The simulation's own model of R6/R7, checked against the engine after every step.
  let generation = 0;
  const expected = new Map<string, number>();
  const live: Live[] = [];
  const off = new Map<string, number>(); // member → day they come back
  let steady = new Set(members); // available without a break since the last reset
  const name = (id: string) => NAMES[ids.indexOf(id)] ?? id;

  const trace: Array<{ x: number; kind: Kind; spread: number; steady: number }> = [];
  const tally = { booking: 0, override: 0, deletion: 0, holiday_start: 0, holiday_end: 0, member_add: 0, busyRetries: 0 };
  const widened = new Map<Kind, { times: number; rise: number; opened: number }>();
  const bookingMs: number[] = [];
  const markers: Marker[] = [];
  const bands: Band[] = [];
  let ranking: Ranking = unwrap(await getProposal(db, rep, rotationId), "proposal").ranking;
  let longestWide = 0;
  let wideRun = 0;

  /** Reads the engine's ranking after a step and records the spreads it implies. */
  async function observe(x: number, kind: Kind): Promise<void> {
    const before = trace.at(-1)?.spread ?? 0;
    ranking = unwrap(await getProposal(db, rep, rotationId), "proposal").ranking;
    for (const m of ranking.members) {
      if (m.count !== (expected.get(m.userId) ?? 0)) failures.push(`step ${trace.length}: ${m.userId} count ${m.count}, expected ${expected.get(m.userId) ?? 0}`);
    }
    const spread = spreadOf(ranking.members.filter((m) => m.status === "proposable").map((m) => m.count));
    const steadySpread = spreadOf(ranking.members.filter((m) => steady.has(m.userId)).map((m) => m.count));
    trace.push({ x, kind, spread, steady: steadySpread });
    // Giving the lowest count one more can only close a gap, or open one of 1 from a tie.
    if (kind === "booking" && spread > Math.max(before, 1)) failures.push(`step ${trace.length}: a proposed booking widened the spread ${before} → ${spread}`);
    // Who to blame: every rise, its size, and whether it broke an even state (≤ 1) open.
    if (spread > before) {
      const w = widened.get(kind) ?? { times: 0, rise: 0, opened: 0 };
      widened.set(kind, { times: w.times + 1, rise: Math.max(w.rise, spread - before), opened: w.opened + (before <= 1 && spread > 1 ? 1 : 0) });
    }
    wideRun = spread > 1 ? wideRun + 1 : 0;
    longestWide = Math.max(longestWide, wideRun);
  }

  async function setAvailable(userId: string, available: boolean, day: number): Promise<void> {
    unwrap(await setMemberAvailability(db, admin, rotationId, userId, { available }), "availability");
    if (available) {
      off.delete(userId);
    } else {
      const back = day + 2 + Math.floor(random() * 3);
      off.set(userId, back);
      steady.delete(userId); // back from a break, they are no longer "available since the reset"
      bands.push({ from: day, to: back });
    }
    tally[available ? "holiday_end" : "holiday_start"]++;
    await observe(day, available ? "holiday_end" : "holiday_start");
  }

  async function book(x: number, clock: Date): Promise<string> {
    const proposable = ranking.members.filter((m) => m.status === "proposable").map((m) => m.userId);
    const proposed = ranking.proposed?.userId;
    if (!proposed) throw new Error("nobody can be proposed");
    const others = proposable.filter((id) => id !== proposed);
    const override = others.length > 0 && random() < P_OVERRIDE;
    const host = override ? pick(others) : proposed;
    for (let attempt = 0; ; attempt++) {
      // A slot 1–10 days ahead; if this host is taken then, the rep picks another slot for them.
      const start = new Date(Math.floor(clock.getTime() / DAY_MS) * DAY_MS + (1 + Math.floor(random() * 10)) * DAY_MS + Math.floor(random() * 48) * 1_800_000);
      const t0 = performance.now();
      const result = await bookMeeting(db, rep, { recordType: "contact", recordId: contactId, title: "Intro call", start: start.toISOString(), durationMinutes: 30, rotationId, hostUserId: host }, clock);
      bookingMs.push(performance.now() - t0);
      if (!result.ok && result.error.code === "slot_taken" && attempt < 8) { tally.busyRetries++; continue; }
      const booked = unwrap(result, "book");
      if (booked.proposedHostUserId !== proposed || booked.isOverride !== override) failures.push(`step ${trace.length}: engine proposed ${booked.proposedHostUserId} (override ${booked.isOverride}), ranking said ${proposed} (override ${override})`);
      live.push({ id: booked.meetingId, host, generation });
      expected.set(host, (expected.get(host) ?? 0) + 1);
      tally[override ? "override" : "booking"]++;
      await observe(x, override ? "override" : "booking");
      return host;
    }
  }

  async function deleteRandom(x: number): Promise<void> {
    const [gone] = live.splice(Math.floor(random() * live.length), 1);
    if (!gone) return;
    unwrap(await deleteMeeting(db, admin, gone.id), "delete");
    // Only a meeting of the current generation takes one off (R7: older ones count nowhere).
    if (gone.generation === generation) expected.set(gone.host, (expected.get(gone.host) ?? 1) - 1);
    tally.deletion++;
    await observe(x, "deletion");
  }

  console.log(`fairness simulation: seed ${SEED}, ${bench.handle.kind}, ${DAYS} working days × ${PER_DAY} bookings, ${INITIAL} members (+${JOINS.size} joining)`);
  console.log(`  p(override) ${P_OVERRIDE}, p(delete) ${P_DELETE} per booking, p(holiday) ${P_HOLIDAY} per day; working hours all week 00:00–24:00 UTC`);
  for (let day = 0; day < DAYS; day++) {
    const dayStartedAt = performance.now();
    const firstStep = trace.length;
    for (const [userId, back] of [...off]) if (back <= day) await setAvailable(userId, true, day);
    const joiner = JOINS.get(day);
    if (joiner !== undefined) {
      const newcomer = ids[joiner] as string;
      members = [...members, newcomer];
      const change = unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: members }), "add member");
      if (!change.countsReset) failures.push(`day ${day}: adding ${newcomer} did not reset counts`);
      generation++;
      expected.clear();
      steady = new Set(members.filter((id) => !off.has(id)));
      markers.push({ x: day, label: `${name(newcomer)} joins: counts reset` });
      tally.member_add++;
      await observe(day, "member_add");
    }
    const onDuty = members.filter((id) => !off.has(id));
    if (off.size < 2 && onDuty.length > 2 && random() < P_HOLIDAY) await setAvailable(pick(onDuty), false, day);

    const hosts: string[] = [];
    for (let i = 0; i < PER_DAY; i++) {
      const x = day + (i + 1) / (PER_DAY + 1);
      hosts.push(await book(x, new Date(dayStart(day) + 8 * 3_600_000 + i * 25 * 60_000)));
      if (random() < P_DELETE) await deleteRandom(x);
    }
    const today = trace.slice(firstStep);
    const now = trace.at(-1);
    const overrides = today.filter((s) => s.kind === "override").length;
    const deletions = today.filter((s) => s.kind === "deletion").length;
    const away = [...off.keys()].map(name).join(", ") || "—";
    console.log(
      `day ${String(day + 1).padStart(2)} ${new Date(dayStart(day)).toISOString().slice(0, 10)}  +${hosts.length} booked (${overrides} overridden) −${deletions} deleted` +
        ` | spread now ${now?.spread}, max today ${Math.max(...today.map((s) => s.spread))}, steady ${now?.steady}` +
        ` | live ${live.length}, resets ${generation} | away: ${away}  [${Math.round(performance.now() - dayStartedAt)} ms]`,
    );
  }

  // The kept counts and recency must equal their derivation from meetings (R7's exact semantics).
  const derived = await derivedCounts(db, rotationId);
  for (const row of derived) {
    if (row.bookedCount !== row.derivedCount || row.lastScheduledAt !== row.derivedLastScheduledAt) {
      failures.push(`${row.userId}: stored ${row.bookedCount}/${row.lastScheduledAt}, derived ${row.derivedCount}/${row.derivedLastScheduledAt}`);
    }
  }

  const steps = trace.length;
  const share = (f: (s: (typeof trace)[number]) => boolean) => `${round((100 * trace.filter(f).length) / steps, 1)}%`;
  const maxSteady = Math.max(...trace.map((s) => s.steady));
  const maxSpread = Math.max(...trace.map((s) => s.spread));
  const timing = summarize(bookingMs);
  console.log(`\nsummary (seed ${SEED}, ${steps} steps, ${round((performance.now() - started) / 1000, 1)} s total on ${bench.handle.kind})`);
  console.log(`  tally: ${Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`  spread among available members: max ${maxSpread}; ≤ 1 in ${share((s) => s.spread <= 1)} of steps; longest run above 1: ${longestWide} steps`);
  console.log(`  spread among members available since the last reset: max ${maxSteady}; ≤ 1 in ${share((s) => s.steady <= 1)} of steps`);
  for (const kind of ["override", "deletion", "holiday_start", "holiday_end", "member_add", "booking"] as const) {
    const w = widened.get(kind);
    const effect = w ? `raised it ${w.times} times (by at most ${w.rise}), took it from ≤ 1 to > 1 ${w.opened} times` : "never raised it";
    console.log(`  ${kind.padEnd(13)} ×${String(tally[kind]).padEnd(4)} ${effect}`);
  }
  console.log(`  book-meeting use case: median ${round(timing.median, 1)} ms, p95 ${round(timing.p95, 1)} ms over ${bookingMs.length} calls`);
  console.log(`  stored counts = derivation from meetings for ${derived.length} members: ${failures.length === 0 ? "yes" : "NO"}`);

  if (CHART !== "none") {
    const points = (key: "spread" | "steady"): Point[] => trace.map((s) => ({ x: s.x, y: s[key] }));
    mkdirSync(path.dirname(CHART), { recursive: true });
    writeFileSync(CHART, renderChart({
      title: `Spread of rotation counts over ${DAYS} simulated working days (seed ${SEED})`,
      description: `Max minus min of members' booked counts after each of ${steps} steps: ${tally.booking + tally.override} bookings (${tally.override} overrides), ${tally.deletion} deletions, ${tally.holiday_start} holidays, ${tally.member_add} member adds that reset counts. Among available members the spread was at most 1 in ${share((s) => s.spread <= 1)} of steps (max ${maxSpread}); among members available since the last reset, max ${maxSteady}.`,
      xLabel: "simulated working day", yLabel: "count spread (max − min)",
      series: [
        { label: "available members", points: points("spread"), color: "#1565c0", step: true },
        { label: "available since last reset", points: points("steady"), color: "#c62828", step: true, dashed: true },
      ],
      markers, bands, bandLabel: "a member on holiday",
      xDomain: [0, DAYS], yDomain: [0, Math.max(4, maxSpread, maxSteady) + 1],
    }));
    console.log(`  chart: ${CHART}`);
  }
} finally {
  await bench.dispose();
}
if (failures.length > 0) {
  console.error(`\n${failures.length} check(s) failed:\n  ${failures.slice(0, 20).join("\n  ")}`);
  process.exitCode = 1;
}

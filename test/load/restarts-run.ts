import { durations, percentile, progress, runPool, sendBooking, tally, type BookingRequest, type Outcome } from "./booking-load";
import { sleep, waitFor } from "./faults-run";
import { firstSlot, HALF_HOUR_MS, type AppInstance, type LoadFixture } from "./harness";
import { checkInvariants, violations, type InvariantReport } from "./invariants";
import type { PrivateCluster } from "./private-cluster";

/*
 * A booking load while PostgreSQL itself restarts (`pg_ctl restart -m fast`, then
 * `-m immediate`) on a private cluster. Claims: every answer is a 201 or a 503 `unavailable`;
 * nothing is half written; the app books again within RECOVERY_CLAIM_MS of PostgreSQL accepting
 * connections, and from then on every request lands; the app process is never restarted.
 */

export const RECOVERY_CLAIM_MS = 2_000;

export interface RestartOptions {
  concurrency: number;
  boundMs: number;
  warmupSuccesses: number;
  /** Successes to wait for after each restart, once the app books again. */
  successesAfterRestart: number;
  modes: Array<"fast" | "immediate">;
  steadyRequests: number;
  poolSize: number;
  /** The fixture's rotation to book on; its members must be free at every slot. */
  rotationKey: string;
  /** Request numbers start here, apart from any other run on the same database. */
  firstIndex: number;
  log?: (line: string) => void;
}

export interface RestartFigures {
  mode: "fast" | "immediate";
  /** From "server stopped" to PostgreSQL accepting a session again. */
  downMs: number;
  /** From PostgreSQL accepting sessions to the app's first 201 after that. */
  recoveredMs: number;
  /** Requests sent at least RECOVERY_CLAIM_MS after PostgreSQL accepted sessions that did not get a 201. */
  failedAfterRecovery: number;
  statuses: Record<string, number>;
}

export interface RestartResult {
  statuses: Record<string, number>;
  restarts: RestartFigures[];
  steady: { statuses: Record<string, number>; p50: number; p99: number };
  maxMs: number;
  report: InvariantReport;
  alarms: string[];
  problems: string[];
}

export async function runRestarts(cluster: PrivateCluster, dbUrl: string, fixture: LoadFixture, apps: AppInstance[], options: RestartOptions): Promise<RestartResult> {
  const log = options.log ?? (() => {});
  const base = firstSlot(1);
  let index = 0;
  let stopping = false;
  let successes = 0;
  let lastSuccessDone = 0;
  const request = (target: string): BookingRequest => {
    const i = index++;
    return { index: options.firstIndex + i, target, rotationKey: options.rotationKey, start: new Date(base + i * HALF_HOUR_MS).toISOString() };
  };
  const next = () => (stopping ? undefined : request(apps[index % apps.length]?.baseUrl ?? ""));
  const meter = options.log ? progress("bookings during restarts") : undefined;
  const worker = async (r: BookingRequest) => {
    const outcome = await sendBooking(fixture, r, options.boundMs);
    if (outcome.status === 201) {
      successes++;
      lastSuccessDone = Math.max(lastSuccessDone, outcome.doneAt);
    } else {
      await sleep(50); // as a well-behaved client would
    }
    return outcome;
  };
  const load = runPool(options.concurrency, next, worker, (o) => meter?.tick(o));

  const timeline: Array<{ mode: "fast" | "immediate"; issuedAt: number; stoppedAt: number; acceptingAt: number }> = [];
  const timelineProblems: string[] = [];
  try {
    await waitFor(`${options.warmupSuccesses} bookings before the restarts`, () => successes >= options.warmupSuccesses, 60_000);
    for (const mode of options.modes) {
      const restarted = await cluster.restart(mode);
      timeline.push({ mode, ...restarted });
      await waitFor(`a booking after the ${mode} restart`, () => lastSuccessDone > restarted.acceptingAt);
      const before = successes;
      await waitFor(`bookings after the ${mode} restart`, () => successes >= before + options.successesAfterRestart, 30_000);
      log(`  restart -m ${mode}: down ${Math.round(restarted.acceptingAt - restarted.stoppedAt)} ms; booking again`);
    }
  } catch (error) {
    timelineProblems.push(error instanceof Error ? error.message : String(error));
  } finally {
    stopping = true;
    meter?.done();
  }
  const outcomes = await load;

  // Every connection of every pool at once: one left broken by a restart would show here.
  const steadyOutcomes: Array<Outcome<BookingRequest>> = [];
  for (const app of apps) {
    let left = options.steadyRequests;
    const steadyNext = () => (left-- > 0 ? request(app.baseUrl) : undefined);
    steadyOutcomes.push(...(await runPool(options.poolSize * 2, steadyNext, (r) => sendBooking(fixture, r, options.boundMs))));
  }
  const report = await checkInvariants(dbUrl, fixture, [...outcomes, ...steadyOutcomes]);

  const restarts = timeline.map((t, i): RestartFigures => {
    // Up to the next restart's command: an immediate stop ends sessions before pg_ctl reports it.
    const until = timeline[i + 1]?.issuedAt ?? Number.POSITIVE_INFINITY;
    const window = outcomes.filter((o) => o.sentAt >= t.issuedAt && o.sentAt < until);
    const firstBack = Math.min(...window.filter((o) => o.status === 201 && o.doneAt > t.acceptingAt).map((o) => o.doneAt));
    // Answered before the next restart began: one still in flight then is that restart's to fail.
    const afterClaim = window.filter((o) => o.sentAt >= t.acceptingAt + RECOVERY_CLAIM_MS && o.doneAt < until);
    return {
      mode: t.mode,
      downMs: Math.round(t.acceptingAt - t.stoppedAt),
      recoveredMs: Math.round(firstBack - t.acceptingAt),
      failedAfterRecovery: afterClaim.filter((o) => o.status !== 201).length,
      statuses: tally(window),
    };
  });
  const steadyTimes = durations(steadyOutcomes);
  const result: RestartResult = {
    statuses: tally(outcomes),
    restarts,
    steady: { statuses: tally(steadyOutcomes), p50: Math.round(percentile(steadyTimes, 0.5)), p99: Math.round(percentile(steadyTimes, 0.99)) },
    maxMs: Math.round(Math.max(...durations([...outcomes, ...steadyOutcomes]))),
    report,
    alarms: apps.flatMap((a) => a.alarms),
    problems: [],
  };
  result.problems = [...timelineProblems, ...restartProblems(result, apps, options)];
  return result;
}

function restartProblems(result: RestartResult, apps: AppInstance[], options: RestartOptions): string[] {
  const problems = violations(result.report, [options.rotationKey]);
  const unexpected = Object.keys(result.statuses).filter((s) => s !== "201" && s !== "503 unavailable");
  if (unexpected.length > 0) problems.push(`answers other than 201 and 503 unavailable: ${JSON.stringify(result.statuses)}`);
  if (result.maxMs > options.boundMs) problems.push(`slowest answer ${result.maxMs} ms > bound ${options.boundMs} ms`);
  if (result.restarts.length !== options.modes.length) problems.push(`${result.restarts.length} of ${options.modes.length} restarts done`);
  for (const r of result.restarts) {
    if (!(r.recoveredMs <= RECOVERY_CLAIM_MS)) problems.push(`after the ${r.mode} restart the app booked again ${r.recoveredMs} ms after PostgreSQL accepted sessions (claim ≤ ${RECOVERY_CLAIM_MS} ms)`);
    if (r.failedAfterRecovery > 0) problems.push(`after the ${r.mode} restart, ${r.failedAfterRecovery} requests sent ≥ ${RECOVERY_CLAIM_MS} ms after PostgreSQL was back did not land`);
  }
  const steadyTotal = Object.values(result.steady.statuses).reduce((a, b) => a + b, 0);
  if (result.steady.statuses["201"] !== steadyTotal) problems.push(`after the restarts: ${JSON.stringify(result.steady.statuses)}`);
  if (apps.some((a) => !a.running())) problems.push("an app process exited");
  if (result.alarms.length > 0) problems.push(`server log alarms: ${result.alarms.slice(0, 3).join(" | ")}`);
  return problems;
}

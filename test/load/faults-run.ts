import { durations, percentile, progress, runPool, sendBooking, tally, type BookingRequest, type Outcome } from "./booking-load";
import { beginOutage, endOutage, firstSlot, HALF_HOUR_MS, terminateBackends, type AppInstance, type LoadDatabase, type LoadFixture } from "./harness";
import { checkInvariants, violations, type InvariantReport } from "./invariants";

/*
 * A booking load on the "fair" rotation while PostgreSQL misbehaves: every session of the
 * database ended (pg_terminate_backend) several times, then an outage (connections refused,
 * open ones ended) for a few seconds. Claims: every answer is a 201 or a 503 `unavailable`
 * within the bound, never a 500 or a hang; requests during the outage all get the 503; each
 * instance books again within seconds of the database coming back, without a restart; and
 * nothing is half written.
 */

export interface FaultOptions {
  concurrency: number;
  /** No answer may take longer: connect_timeout (5 s) plus a margin. */
  boundMs: number;
  /** Successes to wait for before the first fault, and after each one. */
  warmupSuccesses: number;
  kills: number;
  successesAfterKill: number;
  outageMs: number;
  /** How long the load goes on once every instance has booked again after the outage. */
  afterRecoveryMs: number;
  /** Requests per instance after the load, 2 × pool size at a time: all must land quickly (no poisoned connection left). */
  steadyRequests: number;
  poolSize: number;
  log?: (line: string) => void;
}

export interface FaultResult {
  outcomes: Array<Outcome<BookingRequest>>;
  statuses: Record<string, number>;
  /** Per kill: sessions ended, and the time to the first 201 of a request sent after it. */
  kills: Array<{ terminated: number; recoveredMs: number }>;
  /** Requests wholly inside the outage (all must be 503s), and all those sent during it (some finish after it, with a 201). */
  outage: { ms: number; requests: number; statuses: Record<string, number>; maxMs: number; sentDuring: Record<string, number> };
  /** Per instance: from the end of the outage to the first 201 answered to a request sent after it. */
  recoveryMs: Record<string, number>;
  steady: { statuses: Record<string, number>; p50: number; p99: number };
  maxMs: number;
  report: InvariantReport;
  alarms: string[];
  problems: string[];
}

const CLIENT_BACKOFF_MS = 50;
const RECOVERY_DEADLINE_MS = 15_000;
const MAX_SLOTS = 366 * 48 - 96;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `done()` or the deadline; returns the time waited. */
export async function waitFor(what: string, done: () => boolean, deadlineMs = RECOVERY_DEADLINE_MS): Promise<number> {
  const started = performance.now();
  while (!done()) {
    if (performance.now() - started > deadlineMs) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await sleep(10);
  }
  return performance.now() - started;
}

export async function runFaults(db: LoadDatabase, fixture: LoadFixture, apps: AppInstance[], options: FaultOptions): Promise<FaultResult> {
  const log = options.log ?? (() => {});
  const base = firstSlot(1);
  let index = 0;
  let stopping = false;
  let successes = 0;
  const lastSuccessSent = new Map<string, number>();
  const next = (): BookingRequest | undefined => {
    if (stopping) return undefined;
    if (index >= MAX_SLOTS) throw new Error("out of distinct slots within the booking horizon");
    const i = index++;
    return { index: i, target: apps[i % apps.length]?.baseUrl ?? "", rotationKey: "fair", start: new Date(base + i * HALF_HOUR_MS).toISOString() };
  };
  const meter = options.log ? progress("bookings under faults") : undefined;
  const worker = async (request: BookingRequest) => {
    const outcome = await sendBooking(fixture, request, options.boundMs);
    if (outcome.status === 201) {
      successes++;
      lastSuccessSent.set(request.target, Math.max(lastSuccessSent.get(request.target) ?? 0, outcome.sentAt));
    } else {
      await sleep(CLIENT_BACKOFF_MS); // as a well-behaved client would
    }
    return outcome;
  };
  const load = runPool(options.concurrency, next, worker, (o) => meter?.tick(o));
  const stopLoad = async () => {
    stopping = true;
    return load;
  };

  const kills: FaultResult["kills"] = [];
  let outageStart = 0;
  let outageEnd = 0;
  const timelineProblems: string[] = [];
  try {
    await waitFor(`${options.warmupSuccesses} bookings before the faults`, () => successes >= options.warmupSuccesses, 60_000);
    for (let k = 0; k < options.kills; k++) {
      const before = successes;
      const terminated = await terminateBackends(db);
      const killedAt = performance.now();
      const firstBack = await waitFor(`a booking after kill ${k + 1}`, () => [...lastSuccessSent.values()].some((sent) => sent > killedAt));
      await waitFor(`bookings after kill ${k + 1}`, () => successes >= before + options.successesAfterKill);
      kills.push({ terminated, recoveredMs: Math.round(firstBack) });
      log(`  kill ${k + 1}: ended ${terminated} sessions; a booking sent after it landed within ${Math.round(firstBack)} ms`);
    }
    await beginOutage(db);
    outageStart = performance.now();
    log(`  outage: connections refused for ${options.outageMs} ms`);
    await sleep(options.outageMs); // the length of the fault, not a synchronization
    await endOutage(db);
    outageEnd = performance.now();
    for (const app of apps) {
      await waitFor(`${app.baseUrl} to book again`, () => (lastSuccessSent.get(app.baseUrl) ?? 0) > outageEnd);
    }
    log("  back: every instance booked again");
    await sleep(options.afterRecoveryMs);
  } catch (error) {
    // A step that never came (the app did not recover): a finding, reported with the rest.
    timelineProblems.push(error instanceof Error ? error.message : String(error));
    if (outageStart > 0 && outageEnd === 0) {
      await endOutage(db);
      outageEnd = performance.now();
    }
  } finally {
    await stopLoad();
    meter?.done();
  }
  const outcomes = await load;

  // Every connection of every pool in use at once: a connection left broken by the faults would show here.
  const steadyOutcomes: Array<Outcome<BookingRequest>> = [];
  for (const app of apps) {
    let left = options.steadyRequests;
    const steadyNext = (): BookingRequest | undefined => {
      if (left-- <= 0) return undefined;
      const i = index++;
      return { index: i, target: app.baseUrl, rotationKey: "fair", start: new Date(base + i * HALF_HOUR_MS).toISOString() };
    };
    steadyOutcomes.push(...(await runPool(options.poolSize * 2, steadyNext, (r) => sendBooking(fixture, r, options.boundMs))));
  }
  const all = [...outcomes, ...steadyOutcomes];
  const report = await checkInvariants(db.url, fixture, all);

  const during = outcomes.filter((o) => o.sentAt >= outageStart && o.doneAt <= outageEnd);
  const recoveryMs: Record<string, number> = {};
  for (const app of apps) {
    const back = outcomes.filter((o) => o.request.target === app.baseUrl && o.status === 201 && o.sentAt > outageEnd).map((o) => o.doneAt);
    recoveryMs[app.baseUrl] = back.length > 0 ? Math.round(Math.min(...back) - outageEnd) : Number.NaN;
  }
  const steadyTimes = durations(steadyOutcomes);
  const result: FaultResult = {
    outcomes: all,
    statuses: tally(outcomes),
    kills,
    outage: {
      ms: Math.round(outageEnd - outageStart),
      requests: during.length,
      statuses: tally(during),
      maxMs: Math.round(Math.max(0, ...durations(during))),
      sentDuring: tally(outcomes.filter((o) => o.sentAt >= outageStart && o.sentAt <= outageEnd)),
    },
    recoveryMs,
    steady: { statuses: tally(steadyOutcomes), p50: Math.round(percentile(steadyTimes, 0.5)), p99: Math.round(percentile(steadyTimes, 0.99)) },
    maxMs: Math.round(Math.max(...durations(all))),
    report,
    alarms: apps.flatMap((a) => a.alarms),
    problems: [],
  };
  result.problems = [...timelineProblems, ...faultProblems(result, options)];
  return result;
}

function faultProblems(result: FaultResult, options: FaultOptions): string[] {
  const problems = violations(result.report, ["fair"]);
  const unexpected = Object.keys(result.statuses).filter((s) => s !== "201" && s !== "503 unavailable");
  if (unexpected.length > 0) problems.push(`answers other than 201 and 503 unavailable: ${JSON.stringify(result.statuses)}`);
  if (result.maxMs > options.boundMs) problems.push(`slowest answer ${result.maxMs} ms > bound ${options.boundMs} ms`);
  if (result.outage.requests === 0) problems.push("no request fell inside the outage");
  if (Object.keys(result.outage.statuses).some((s) => s !== "503 unavailable")) problems.push(`during the outage: ${JSON.stringify(result.outage.statuses)}`);
  const steadyTotal = Object.values(result.steady.statuses).reduce((a, b) => a + b, 0);
  if (result.steady.statuses["201"] !== steadyTotal) problems.push(`after the faults: ${JSON.stringify(result.steady.statuses)}`);
  if (result.alarms.length > 0) problems.push(`server log alarms: ${result.alarms.slice(0, 3).join(" | ")}`);
  return problems;
}

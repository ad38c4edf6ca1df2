import { fromList, progress, runPool, sendBooking, tally, type BookingRequest, type Outcome } from "./booking-load";
import { firstSlot, HALF_HOUR_MS, type AppInstance, type LoadFixture } from "./harness";
import { checkInvariants, violations, type InvariantReport } from "./invariants";

/*
 * Many auto-assigned bookings over several app instances sharing one PostgreSQL (§7, R11).
 * Two rotations with their own members, so each claim is exact:
 * - "fair": every booking at a half hour of its own, so every member is free for every
 *   booking and the counts must end within one of each other, however the instances race;
 * - "contended": each half hour asked (members + 1) times, side by side and across
 *   instances: exactly `members` land on distinct hosts and one is refused with 422.
 * Without a lock shared by the instances the first would spread wider, the second would
 * lose bookings to 409s or book a host twice.
 */

export const TWO_INSTANCE_ROTATIONS = { fair: 8, contended: 4 } as const;
const GROUP = TWO_INSTANCE_ROTATIONS.contended + 1;

/** Requests for `total` bookings, about a quarter in contended groups, alternating instances. */
export function twoInstancePlan(targets: readonly string[], total: number): BookingRequest[] {
  const groups = Math.max(1, Math.round(total / 4 / GROUP));
  const fair = total - groups * GROUP;
  const fairStart = firstSlot(1);
  // The contended rotation's members are nobody else's, so its slots may share hours with the fair ones.
  const contendedStart = firstSlot(1);
  const plan: Array<Omit<BookingRequest, "index" | "target">> = [];
  const fairPerGroup = Math.ceil(fair / groups);
  let fairDone = 0;
  for (let g = 0; g < groups; g++) {
    for (let k = 0; k < fairPerGroup && fairDone < fair; k++, fairDone++) {
      plan.push({ rotationKey: "fair", start: new Date(fairStart + fairDone * HALF_HOUR_MS).toISOString() });
    }
    for (let k = 0; k < GROUP; k++) plan.push({ rotationKey: "contended", start: new Date(contendedStart + g * HALF_HOUR_MS).toISOString() });
  }
  for (; fairDone < fair; fairDone++) plan.push({ rotationKey: "fair", start: new Date(fairStart + fairDone * HALF_HOUR_MS).toISOString() });
  return plan.map((p, index) => ({ ...p, index, target: targets[index % targets.length] ?? "" }));
}

export interface TwoInstanceResult {
  outcomes: Array<Outcome<BookingRequest>>;
  seconds: number;
  statuses: Record<string, number>;
  /** Per instance: how many 201s it answered. */
  perInstance: Record<string, number>;
  report: InvariantReport;
  /** Broken invariants, including the contended rotation's exact tally; empty when all hold. */
  problems: string[];
}

export async function runTwoInstances(url: string, fixture: LoadFixture, apps: AppInstance[], total: number, options: { concurrency: number; boundMs: number; showProgress?: boolean }): Promise<TwoInstanceResult> {
  const plan = twoInstancePlan(apps.map((a) => a.baseUrl), total);
  const meter = options.showProgress ? progress("bookings", plan.length) : undefined;
  const started = performance.now();
  const outcomes = await runPool(options.concurrency, fromList(plan), (r) => sendBooking(fixture, r, options.boundMs), (o) => meter?.tick(o));
  meter?.done();
  const seconds = (performance.now() - started) / 1000;
  const report = await checkInvariants(url, fixture, outcomes);

  const problems = violations(report, ["fair"]);
  const expected = expectedTally(plan);
  for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
    const got = tally(outcomes.filter((o) => o.request.rotationKey === key));
    if (!sameTally(got, expected[key])) problems.push(`rotation ${key}: expected ${JSON.stringify(expected[key])}, got ${JSON.stringify(got)}`);
  }
  const contended = report.counts.contended;
  if (contended && contended.max - contended.min > 1) problems.push(`rotation contended: counts spread ${contended.min}…${contended.max}`);
  const alarms = apps.flatMap((a) => a.alarms);
  if (alarms.length > 0) problems.push(`server log alarms: ${alarms.slice(0, 3).join(" | ")}`);

  const perInstance: Record<string, number> = {};
  for (const o of outcomes) if (o.status === 201) perInstance[o.request.target] = (perInstance[o.request.target] ?? 0) + 1;
  return { outcomes, seconds, statuses: tally(outcomes), perInstance, report, problems };
}

/** Fair bookings all land; each contended half hour lands `members` times and refuses one (no member free). */
function expectedTally(plan: BookingRequest[]): Record<"fair" | "contended", Record<string, number>> {
  const fair = plan.filter((p) => p.rotationKey === "fair").length;
  const groups = plan.filter((p) => p.rotationKey === "contended").length / GROUP;
  return {
    fair: { "201": fair },
    contended: { "201": groups * TWO_INSTANCE_ROTATIONS.contended, "422 no_member_available": groups },
  };
}

function sameTally(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

// Whether an eligible, available member is kept off a meeting by the fairness controls:
// out of office (R16) or a cap (R18). Pure; the caller loads periods and meeting starts.

import { capReached } from "./caps";
import type { Skip } from "./ranking";
import type { Caps } from "./rotation-settings";
import type { Interval } from "./slots";

const overlaps = (a: Interval, b: Interval) => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

export interface SkipFacts {
  /** The member's out-of-office periods near now and the time asked about. */
  outOfOffice: readonly Interval[];
  /** Starts of the member's meetings booked through the rotation, around the time asked about. */
  bookedStarts: readonly Date[];
  caps: Caps;
  /** The host's zone: caps count local days, weeks and months (R18). */
  timeZone: string;
  now: Date;
  /** The meeting's time; without one, whether they could take a meeting now. */
  at: Interval | null;
}

/**
 * R16: not proposed while a period is in progress, nor for a meeting time inside one; "until"
 * is the end of the latest such period. Then R18: the first cap the meeting would exceed.
 */
export function fairnessSkip(facts: SkipFacts): Skip | null {
  const instant = { start: facts.now, end: new Date(facts.now.getTime() + 1) };
  const away = facts.outOfOffice.filter((p) => overlaps(p, instant) || (facts.at !== null && overlaps(p, facts.at)));
  if (away.length > 0) return { kind: "out_of_office", until: new Date(Math.max(...away.map((p) => p.end.getTime()))) };
  const hit = capReached(facts.caps, facts.bookedStarts, facts.at?.start ?? facts.now, facts.timeZone);
  return hit ? { kind: "capped", hit } : null;
}

// Calibrations of a member's count (R15, R16): what a newcomer starts at, and what a member
// coming back from time away gets so they neither flood nor starve. Pure and derived from
// data only, so the same figures come out whenever they are computed.

import type { DistributionMode } from "./ranking";
import type { Interval } from "./slots";

export interface LevelPeer {
  count: number;
  weight: number;
}

/**
 * Start level (R15): the count a newcomer gets. Even: the lowest count among the other
 * proposable members. Weighted: the smallest whole k at which the newcomer's deficit, with k
 * counted in N, is not above the largest deficit among the others (the same lowest count when
 * weights are equal). No peers: 0.
 */
export function startLevel(newcomerWeight: number, peers: readonly LevelPeer[], mode: DistributionMode): number {
  if (peers.length === 0) return 0;
  if (mode === "even" || peers.every((p) => p.weight === newcomerWeight)) return Math.min(...peers.map((p) => p.count));
  const totalWeight = peers.reduce((sum, p) => sum + p.weight, 0) + newcomerWeight;
  const peerCount = peers.reduce((sum, p) => sum + p.count, 0);
  // The newcomer's deficit falls as k grows and every peer's rises, so the first k that fits is the answer.
  for (let k = 0; ; k++) {
    const next = peerCount + k + 1;
    const own = (next * newcomerWeight) / totalWeight - k;
    const largestPeer = Math.max(...peers.map((p) => (next * p.weight) / totalWeight - p.count));
    if (own <= largestPeer + 1e-9) return k;
  }
}

/** Overlapping or touching periods as one: the same meetings are not made up for twice. */
export function mergePeriods(periods: readonly Interval[]): Interval[] {
  const sorted = [...periods].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const p of sorted) {
    const last = merged.at(-1);
    if (last && p.start.getTime() <= last.end.getTime()) {
      if (p.end.getTime() > last.end.getTime()) merged[merged.length - 1] = { start: last.start, end: p.end };
    } else merged.push({ start: p.start, end: p.end });
  }
  return merged;
}

export interface KeepLevelPeriod {
  period: Interval;
  /** Meetings the rotation booked for the other members during the period. */
  othersMeetings: number;
  adjustment: number;
}

/**
 * Keep level (R16): for each period away (out of office or switched unavailable, merged
 * where they overlap) that ended within the count window, the meetings booked for the other
 * members during it divided by their number, rounded down.
 */
export function keepLevelPeriods(
  periodsAway: readonly Interval[],
  window: { start: Date; now: Date },
  othersMeetingTimes: readonly Date[],
  othersCount: number,
): KeepLevelPeriod[] {
  if (othersCount <= 0) return [];
  return mergePeriods(periodsAway)
    .filter((p) => p.end.getTime() >= window.start.getTime() && p.end.getTime() <= window.now.getTime())
    .map((period) => {
      const othersMeetings = othersMeetingTimes.filter((t) => t.getTime() >= period.start.getTime() && t.getTime() < period.end.getTime()).length;
      return { period, othersMeetings, adjustment: Math.floor(othersMeetings / othersCount) };
    })
    .filter((p) => p.adjustment > 0);
}

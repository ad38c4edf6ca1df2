// Caps (R18): at most N meetings per member per local day, week (Monday to Sunday) or month,
// counted by meeting start in the host's zone over the meetings booked through the rotation.

import type { CapKind, Caps } from "./rotation-settings";
import { startOfLocalMonth } from "./rotation-settings";
import type { Interval } from "./slots";
import { localDayOf, startOfLocalDay, weekdayOf } from "./week";

export interface CapHit {
  cap: CapKind;
  limit: number;
}

// Members mostly share a few zones and a ranking asks about one time: remembering the last
// answers saves the zone arithmetic (a few dozen offset lookups) per member of a large rotation.
const recentPeriods = new Map<string, Record<CapKind, Interval>>();
const REMEMBERED = 256;

/** The local day, week (Monday first) and month around an instant, in a zone. */
export function capPeriods(at: Date, timeZone: string): Record<CapKind, Interval> {
  const key = `${timeZone}|${at.getTime()}`;
  const known = recentPeriods.get(key);
  if (known) return known;
  if (recentPeriods.size >= REMEMBERED) recentPeriods.clear();
  const periods = computeCapPeriods(at, timeZone);
  recentPeriods.set(key, periods);
  return periods;
}

function computeCapPeriods(at: Date, timeZone: string): Record<CapKind, Interval> {
  const day = localDayOf(at, timeZone);
  const monday = day - ((weekdayOf(day) + 6) % 7);
  const monthStart = startOfLocalMonth(at, timeZone);
  // The next month's first day: a day in the next month, whatever its length, then back to its 1st.
  const nextMonthStart = startOfLocalMonth(startOfLocalDay(localDayOf(monthStart, timeZone) + 32, timeZone), timeZone);
  return {
    daily: { start: startOfLocalDay(day, timeZone), end: startOfLocalDay(day + 1, timeZone) },
    weekly: { start: startOfLocalDay(monday, timeZone), end: startOfLocalDay(monday + 7, timeZone) },
    monthly: { start: monthStart, end: nextMonthStart },
  };
}

const ORDER: readonly CapKind[] = ["daily", "weekly", "monthly"];

/**
 * The first cap a meeting starting at `at` would exceed, given the starts of the member's
 * meetings already booked through the rotation; null when it fits under every cap.
 */
export function capReached(caps: Caps, bookedStarts: readonly Date[], at: Date, timeZone: string): CapHit | null {
  if (ORDER.every((kind) => caps[kind] === null)) return null;
  const periods = capPeriods(at, timeZone);
  for (const cap of ORDER) {
    const limit = caps[cap];
    if (limit === null) continue;
    const { start, end } = periods[cap];
    const inPeriod = bookedStarts.filter((s) => s.getTime() >= start.getTime() && s.getTime() < end.getTime()).length;
    if (inPeriod >= limit) return { cap, limit };
  }
  return null;
}

const CAP_WORDS: Record<CapKind, string> = { daily: "Daily", weekly: "Weekly", monthly: "Monthly" };

/** "Weekly cap 5 reached" (R20's words). */
export function describeCap(hit: CapHit): string {
  return `${CAP_WORDS[hit.cap]} cap ${hit.limit} reached`;
}

/**
 * The span the caps set could look at around these times: what a caller must load. A local
 * day, week or month lies within 2, 8 or 32 days of any instant in it, whatever the zone;
 * loading only what the widest cap set needs keeps a daily or weekly cap's read small.
 */
export function capLookaround(caps: Caps, times: readonly Interval[]): Interval | null {
  const widest = caps.monthly !== null ? 32 : caps.weekly !== null ? 8 : caps.daily !== null ? 2 : 0;
  if (times.length === 0 || widest === 0) return null;
  const DAY = 86_400_000;
  const starts = times.map((t) => t.start.getTime());
  return { start: new Date(Math.min(...starts) - widest * DAY), end: new Date(Math.max(...starts) + widest * DAY) };
}

import { tzOffset } from "@date-fns/tz";
import { isValidTimeZone } from "./working-hours";
import type { Interval } from "./slots";

/*
 * Local calendar arithmetic in an IANA zone.
 *
 * A local calendar date is a "day number": whole days since 1970-01-01 on the zone's wall
 * calendar. Adding days is integer addition, so moving by weeks follows the local calendar
 * and never drifts by an hour across a DST change the way adding 7 * 24 h would.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
}

export function assertValidDate(date: Date, name: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`${name} is not a valid Date`);
  }
}

function offsetMs(timeZone: string, epochMs: number): number {
  return tzOffset(timeZone, new Date(epochMs)) * MINUTE_MS;
}

/** The zone's local calendar date (as a day number) at the given instant. */
export function localDayOf(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  return Math.floor((ms + offsetMs(timeZone, ms)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The instant at which a local wall-clock time (minutes after midnight, 1440 = next midnight)
 * on a local date begins, defined as the FIRST instant of that date whose wall-clock reading
 * is at or after the requested time. Consequences, chosen so both ends of a working window
 * follow one rule:
 * - spring-forward gap (the time does not exist): the instant right after the gap, i.e. the
 *   transition itself (Paris 2026-03-29 02:30 → 03:00 CEST = 01:00Z). TZDate would instead
 *   shift by the gap length (03:30), which moves the window by an hour for no reason.
 * - fall-back overlap (the time happens twice): the first occurrence (RFC 5545, Temporal
 *   "compatible"). TZDate picks the first or the second depending on the offset's sign.
 * - a date whose midnight is skipped (e.g. America/Santiago) starts at the transition.
 * Assumes at most one offset change within a day either side, true of every real zone.
 */
export function zonedWallTimeToInstant(day: number, minutes: number, timeZone: string): Date {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const offsetBefore = offsetMs(timeZone, wall - DAY_MS);
  const offsetAfter = offsetMs(timeZone, wall + DAY_MS);
  const exact = [wall - offsetBefore, wall - offsetAfter]
    .filter((t) => offsetMs(timeZone, t) === wall - t)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);

  // In a gap: readings jump from below `wall` to above it at the transition. Binary search
  // (to the millisecond) for the first instant whose reading is at or after `wall`.
  let lo = Math.min(wall - offsetBefore, wall - offsetAfter);
  let hi = Math.max(wall - offsetBefore, wall - offsetAfter);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetMs(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

export function startOfLocalDay(day: number, timeZone: string): Date {
  return zonedWallTimeToInstant(day, 0, timeZone);
}

function localWeek(startDay: number, timeZone: string): Interval {
  return {
    start: startOfLocalDay(startDay, timeZone),
    end: startOfLocalDay(startDay + 7, timeZone),
  };
}

/**
 * The local week containing `anchor`: from the first instant of its first local day to the
 * first instant of the same weekday a week later (167 h or 169 h across a DST change).
 */
export function weekRange(args: { timeZone: string; anchor: Date; weekStartsOn?: 0 | 1 }): Interval {
  const { timeZone, anchor, weekStartsOn = 1 } = args;
  assertTimeZone(timeZone);
  assertValidDate(anchor, "anchor");
  const day = localDayOf(anchor, timeZone);
  const back = (weekdayOf(day) - weekStartsOn + 7) % 7;
  return localWeek(day - back, timeZone);
}

/**
 * Moves a week by whole local weeks: the local date of `range.start` plus 7 · weeks days,
 * so the result starts on the same local weekday at local midnight whatever DST does.
 */
export function shiftWeek(range: Interval, timeZone: string, weeks: number): Interval {
  assertTimeZone(timeZone);
  assertValidDate(range.start, "range.start");
  if (!Number.isInteger(weeks)) throw new RangeError(`weeks must be an integer, got ${weeks}`);
  return localWeek(localDayOf(range.start, timeZone) + 7 * weeks, timeZone);
}

/** The local days of a range in a zone, each from its local midnight to the next. */
export function localDaysIn(range: Interval, timeZone: string): Interval[] {
  assertTimeZone(timeZone);
  const first = localDayOf(range.start, timeZone);
  const last = localDayOf(new Date(range.end.getTime() - 1), timeZone);
  return Array.from({ length: last - first + 1 }, (_, i) => ({
    start: startOfLocalDay(first + i, timeZone),
    end: startOfLocalDay(first + i + 1, timeZone),
  }));
}

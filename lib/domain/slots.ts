import {
  assertTimeZone,
  assertValidDate,
  localDayOf,
  weekdayOf,
  zonedWallTimeToInstant,
} from "./week";
import { isValidWorkingHours, parseWallTime, type WorkingHours } from "./working-hours";

/** Half-open [start, end): a meeting ending at 10:00 and one starting at 10:00 do not clash. */
export interface Interval {
  start: Date;
  end: Date;
}

export const MEETING_DURATIONS = [15, 30, 45, 60] as const;
export type MeetingDuration = (typeof MEETING_DURATIONS)[number];

const MINUTE_MS = 60_000;

/** Short meetings sit back to back; longer ones still get a start every half hour. */
export function slotStepMinutes(durationMinutes: number): number {
  return durationMinutes <= 30 ? durationMinutes : 30;
}

/** Half-open overlap. An empty interval is an empty set and overlaps nothing. */
export function overlaps(a: Interval, b: Interval): boolean {
  const [as, ae, bs, be] = [a.start.getTime(), a.end.getTime(), b.start.getTime(), b.end.getTime()];
  return as < ae && bs < be && as < be && bs < ae;
}

interface WindowArgs {
  timeZone: string;
  workingHours: WorkingHours;
  from: Date;
  to: Date;
}

/**
 * Whole (unclipped) daily working windows, in ms, that intersect [from, to), sorted.
 * Kept unclipped for freeSlots: the slot grid is anchored on the local start of work, not
 * on wherever the caller's range or `now` happens to cut the day.
 */
function dailyWindows(args: WindowArgs): Array<[number, number]> {
  const { timeZone, workingHours, from, to } = args;
  assertTimeZone(timeZone);
  assertValidDate(from, "from");
  assertValidDate(to, "to");
  if (!isValidWorkingHours(workingHours)) throw new TypeError("Invalid working hours");
  const startMinutes = parseWallTime(workingHours.start) ?? 0;
  const endMinutes = parseWallTime(workingHours.end, true) ?? 0;
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const windows: Array<[number, number]> = [];
  if (fromMs >= toMs) return windows;

  // Every window lies inside its own local day, so only the days touching [from, to) matter.
  const lastDay = localDayOf(to, timeZone);
  for (let day = localDayOf(from, timeZone); day <= lastDay; day++) {
    if (!workingHours.weekdays.includes(weekdayOf(day))) continue;
    const start = zonedWallTimeToInstant(day, startMinutes, timeZone).getTime();
    const end = zonedWallTimeToInstant(day, endMinutes, timeZone).getTime();
    // `start < end` can still collapse when both ends fall in the same DST gap.
    if (start < end && start < toMs && end > fromMs) windows.push([start, end]);
  }
  return windows;
}

/** The host's working windows intersecting [from, to), clipped to it, sorted, as instants. */
export function workingWindows(args: WindowArgs): Interval[] {
  const fromMs = args.from.getTime();
  const toMs = args.to.getTime();
  return dailyWindows(args).map(([start, end]) => ({
    start: new Date(Math.max(start, fromMs)),
    end: new Date(Math.min(end, toMs)),
  }));
}

/** Sorted, disjoint union of the non-empty busy intervals (a copy; the input is untouched). */
function mergeBusy(busy: readonly Interval[]): Array<[number, number]> {
  const sorted = busy
    .map((b): [number, number] => [b.start.getTime(), b.end.getTime()])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Free slots of `durationMinutes` for a host: inside the host's working windows (their zone),
 * inside [from, to), starting at or after `now`, clear of every busy interval.
 *
 * Starts lie on a grid of slotStepMinutes measured in absolute time from the window's start,
 * so a DST change inside a window neither repeats nor skips a slot: the grid follows real
 * elapsed time, and with whole-hour (or half-hour) DST shifts it stays on the wall-clock grid.
 */
export function freeSlots(args: WindowArgs & {
  busy: readonly Interval[];
  durationMinutes: number;
  now: Date;
}): Interval[] {
  const { busy, durationMinutes, now, from, to } = args;
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    throw new RangeError(`durationMinutes must be a positive integer, got ${durationMinutes}`);
  }
  assertValidDate(now, "now");
  const durationMs = durationMinutes * MINUTE_MS;
  const stepMs = slotStepMinutes(durationMinutes) * MINUTE_MS;
  const earliest = Math.max(now.getTime(), from.getTime());
  const latestEnd = to.getTime();
  const blocked = mergeBusy(busy);

  const slots: Interval[] = [];
  let b = 0; // slot starts only increase, so the busy cursor only moves forward
  for (const [windowStart, windowEnd] of dailyWindows(args)) {
    const end = Math.min(windowEnd, latestEnd);
    const firstStep = Math.max(0, Math.ceil((earliest - windowStart) / stepMs));
    for (let s = windowStart + firstStep * stepMs; s + durationMs <= end; s += stepMs) {
      let next = blocked[b];
      while (next !== undefined && next[1] <= s) next = blocked[++b];
      if (next !== undefined && next[0] < s + durationMs) continue;
      slots.push({ start: new Date(s), end: new Date(s + durationMs) });
    }
  }
  return slots;
}

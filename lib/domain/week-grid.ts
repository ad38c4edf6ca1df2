import { workingWindows, type Interval } from "./slots";
import type { WorkingHours } from "./working-hours";

/** A stretch of one day column, in minutes from the top of the grid. */
export interface Band {
  top: number;
  height: number;
}

export interface GridDay {
  day: Interval;
  /** The host's working time on this day, as seen in the viewer's zone. */
  working: Band[];
  busy: Array<Band & { start: Date; end: Date; kind: "meeting" | "busy" }>;
  slots: Array<{ start: Date; top: number }>;
}

export interface WeekGrid {
  /** Minutes after the viewer's local midnight at which the grid starts and ends (whole hours). */
  firstMinute: number;
  lastMinute: number;
  /** Hour marks, in minutes from the top of the grid. */
  hours: Array<{ top: number; minuteOfDay: number }>;
  days: GridDay[];
}

export interface WeekGridInput {
  /** The viewer's local days of the week shown (localDaysIn). */
  days: Interval[];
  hostTimeZone: string;
  workingHours: WorkingHours;
  busy: Array<Interval & { kind: "meeting" | "busy" }>;
  slots: Date[];
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
/** With nothing in the week (no working day, no busy time), show a working day's usual span. */
const EMPTY_SPAN: [number, number] = [9 * 60, 17 * 60];

function clippedBand(interval: Interval, day: Interval): { from: number; to: number } | null {
  const from = Math.max(interval.start.getTime(), day.start.getTime());
  const to = Math.min(interval.end.getTime(), day.end.getTime());
  if (from >= to) return null;
  return { from: (from - day.start.getTime()) / MINUTE_MS, to: (to - day.start.getTime()) / MINUTE_MS };
}

/**
 * Lays the host's week out as a calendar grid in the viewer's zone: one column per day, time
 * running down, the host's working hours and busy time as bands and each free slot at its
 * start. The grid spans whole hours from the earliest working time or slot to the latest, so a
 * host working 9–5 in Berlin seen from New York runs 3 AM–11 AM rather than all day.
 */
export function layoutWeekGrid(input: WeekGridInput): WeekGrid {
  const perDay = input.days.map((day) => {
    const working = workingWindows({ timeZone: input.hostTimeZone, workingHours: input.workingHours, from: day.start, to: day.end })
      .map((w) => clippedBand(w, day))
      .filter((b) => b !== null);
    const busy = input.busy
      .map((b) => ({ b, band: clippedBand(b, day) }))
      .filter((x): x is { b: WeekGridInput["busy"][number]; band: { from: number; to: number } } => x.band !== null);
    const slots = input.slots.filter((s) => s.getTime() >= day.start.getTime() && s.getTime() < day.end.getTime());
    return { day, working, busy, slots };
  });

  // Busy time outside working hours cannot clash with a booking: it does not stretch the grid.
  const edges = perDay.flatMap((d) => [...d.working.flatMap((w) => [w.from, w.to]), ...d.slots.map((s) => (s.getTime() - d.day.start.getTime()) / MINUTE_MS)]);
  const [low, high] = edges.length === 0 ? EMPTY_SPAN : [Math.min(...edges), Math.max(...edges)];
  const firstMinute = Math.max(0, Math.floor(low / 60) * 60);
  const lastMinute = Math.min(DAY_MINUTES, Math.max(firstMinute + 60, Math.ceil(high / 60) * 60));
  const band = (from: number, to: number): Band => {
    const top = Math.max(from, firstMinute) - firstMinute;
    return { top, height: Math.min(to, lastMinute) - firstMinute - top };
  };

  const hours: WeekGrid["hours"] = [];
  for (let minute = firstMinute; minute < lastMinute; minute += 60) hours.push({ top: minute - firstMinute, minuteOfDay: minute });

  return {
    firstMinute,
    lastMinute,
    hours,
    days: perDay.map((d) => ({
      day: d.day,
      working: d.working.map((w) => band(w.from, w.to)),
      busy: d.busy.map(({ b, band: x }) => ({ ...band(x.from, x.to), start: b.start, end: b.end, kind: b.kind })).filter((b) => b.height > 0),
      slots: d.slots.map((start) => ({ start, top: (start.getTime() - d.day.start.getTime()) / MINUTE_MS - firstMinute })),
    })),
  };
}

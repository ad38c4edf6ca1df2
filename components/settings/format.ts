/** Wording helpers for the settings pages; dates and times come from lib/domain/format-time. */

const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

export function weekdayName(day: number): string {
  return WEEKDAY_NAMES[day] ?? String(day);
}

/** "Mon–Fri, 09:00–17:00"; consecutive days are written as a range. */
export function formatWorkingHours(hours: { weekdays: readonly number[]; start: string; end: string }): string {
  if (hours.weekdays.length === 0) return "No working days";
  const days = [...hours.weekdays].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const text = runs
    .map((run) => (run.length > 2 ? `${weekdayName(run[0] ?? 0)}–${weekdayName(run.at(-1) ?? 0)}` : run.map(weekdayName).join(", ")))
    .join(", ");
  return `${text}, ${hours.start}–${hours.end}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

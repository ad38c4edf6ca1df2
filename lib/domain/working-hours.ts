/**
 * A user's working hours, read as local wall-clock times in the user's own time zone
 * (DESIGN §3). The same start/end applies to every listed weekday.
 */
export interface WorkingHours {
  /** 0 = Sunday … 6 = Saturday, each at most once. May be empty (never available). */
  weekdays: number[];
  /** "HH:mm", 24-hour, "00:00"–"23:59". */
  start: string;
  /** "HH:mm", 24-hour, after `start`; "24:00" means the start of the next local day. */
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  weekdays: Object.freeze([1, 2, 3, 4, 5]) as number[],
  start: "09:00",
  end: "17:00",
});

const MINUTES_PER_DAY = 24 * 60;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes after local midnight for an "HH:mm" string, or null when malformed.
 * "24:00" is accepted only when `allowEndOfDay`, because only an end may be midnight.
 */
export function parseWallTime(value: string, allowEndOfDay = false): number | null {
  if (allowEndOfDay && value === "24:00") return MINUTES_PER_DAY;
  const match = HH_MM.exec(value);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isValidWorkingHours(value: unknown): value is WorkingHours {
  if (typeof value !== "object" || value === null) return false;
  const { weekdays, start, end } = value as Record<string, unknown>;
  if (!Array.isArray(weekdays) || typeof start !== "string" || typeof end !== "string") {
    return false;
  }
  const daysOk = weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  // Duplicates are rejected so that stored values stay canonical (one checkbox per day).
  if (!daysOk || new Set(weekdays).size !== weekdays.length) return false;
  const startMinutes = parseWallTime(start);
  const endMinutes = parseWallTime(end, true);
  return startMinutes !== null && endMinutes !== null && startMinutes < endMinutes;
}

/**
 * True for a time zone name that Intl.DateTimeFormat accepts (IANA names, case-insensitive,
 * plus aliases such as "UTC"). All slot arithmetic goes through Intl, so this is exactly
 * the set of names the slot functions can work with.
 */
const knownZones = new Set<string>();

export function isValidTimeZone(name: string): boolean {
  if (typeof name !== "string" || name.length === 0) return false;
  // Building a formatter is the costly part of every zone check; a name once valid stays so.
  if (knownZones.has(name)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    if (knownZones.size < 1000) knownZones.add(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The app's one set of date and time formats, for pages, reasons and the API alike:
 * "Thu, Dec 3, 2026, 2:30 PM" for an instant, "Dec 3, 2026" for a day, "2:30 PM" for a time.
 * Always in an explicit IANA zone (the viewer's, or the host's beside it), never the server's
 * or browser's default, so server and browser render the same text.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "Mon, Mar 2, 2026, 9:30 AM" */
export function formatDateTime(instant: Date, timeZone: string): string {
  return formatter(timeZone, { weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" }).format(instant);
}

/** "Mar 2, 2026": the day an instant falls on in the zone, e.g. when something was created. */
export function formatDate(instant: Date, timeZone: string): string {
  return formatter(timeZone, { month: "short", day: "numeric", year: "numeric" }).format(instant);
}

/**
 * "Mar 2, 2026" for a calendar date stored without a time ("2026-03-02", e.g. a deal's close
 * date): it names the same day for every viewer, so it is read and shown in UTC. Anything
 * that is not such a date is returned as it is.
 */
export function formatCalendarDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const day = new Date(`${isoDate}T00:00:00Z`);
  // Date rolls an impossible day over ("02-30" becomes March 2): such a value is shown as stored.
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== isoDate ? isoDate : formatDate(day, "UTC");
}

/** "9:30 AM" */
export function formatTime(instant: Date, timeZone: string): string {
  return formatter(timeZone, { hour: "numeric", minute: "2-digit" }).format(instant);
}

/** "9 AM": the mark of a whole hour on a day column, from minutes after midnight (24:00 is "12 AM"). */
export function formatHourMark(minuteOfDay: number): string {
  const hour = Math.floor(minuteOfDay / 60) % 24;
  return formatter("UTC", { hour: "numeric" }).format(Date.UTC(1970, 0, 1, hour));
}

/** "Mon, Mar 2" */
export function formatDay(instant: Date, timeZone: string): string {
  return formatter(timeZone, { weekday: "short", month: "short", day: "numeric" }).format(instant);
}

/** "GMT+1", "EST": the zone's short name at that instant (it changes with daylight saving). */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = formatter(timeZone, { timeZoneName: "short" }).formatToParts(instant).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "9:30 – 10:00 AM EST"-style range in one zone. */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)} – ${formatTime(end, timeZone)} ${zoneAbbreviation(start, timeZone)}`;
}

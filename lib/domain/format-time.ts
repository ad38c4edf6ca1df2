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

/** "9:30 AM" */
export function formatTime(instant: Date, timeZone: string): string {
  return formatter(timeZone, { hour: "numeric", minute: "2-digit" }).format(instant);
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

import ICAL from "ical.js";
import { TZDate } from "@date-fns/tz";

export interface CalendarBusy {
  uid: string;
  start: Date;
  end: Date;
  summary: string | null;
  allDay: boolean;
}

export interface BusyOptions {
  from: Date;
  to: Date; // only intervals overlapping [from, to) are returned
  ownerEmails: readonly string[]; // the calendar owner's addresses (case-insensitive), for "declined"
  timeZone: string; // the owner's IANA zone: all-day events and floating times are local to it
}

export class NotICalendarError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "NotICalendarError";
  }
}

// A hostile or runaway series must not flood the busy table nor hold the sync job.
const MAX_OCCURRENCES_IN_WINDOW = 2_000;
// ical.js cannot seek to a date, so rules we cannot fast-forward safely (MONTHLY, YEARLY,
// HOURLY, or anything with COUNT) walk from DTSTART; this bounds that walk (~1 s at worst).
// Such a series that began more than 50,000 occurrences ago yields nothing in the window.
const MAX_ITERATIONS_PER_SERIES = 50_000;
const DAY_MS = 86_400_000;

interface Context {
  fromMs: number;
  toMs: number;
  owners: ReadonlySet<string>;
  timeZone: string;
}

/**
 * The owner's busy intervals in `ics` (one CalDAV resource, a whole feed, or several
 * concatenated VCALENDARs) that overlap [from, to), whole (not clipped), sorted by start.
 */
export function busyFromIcs(ics: string, options: BusyOptions): CalendarBusy[] {
  const context: Context = {
    fromMs: options.from.getTime(),
    toMs: options.to.getTime(),
    owners: new Set(options.ownerEmails.map((email) => email.trim().toLowerCase())),
    timeZone: options.timeZone,
  };
  const busy: CalendarBusy[] = [];
  for (const series of groupByUid(parseCalendars(ics))) {
    try {
      busy.push(...busyOfSeries(series, context));
    } catch (error) {
      throw new NotICalendarError(`Event ${series.uid || "(no UID)"} could not be read: ${messageOf(error)}`, { cause: error });
    }
  }
  return busy.sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime() || a.uid.localeCompare(b.uid));
}

function parseCalendars(ics: string): ICAL.Component[] {
  if (!/^BEGIN:VCALENDAR\s*$/im.test(ics)) {
    throw new NotICalendarError("Not an iCalendar document: no BEGIN:VCALENDAR line.");
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(ics);
  } catch (error) {
    throw new NotICalendarError(`Not a readable iCalendar document: ${messageOf(error)}`, { cause: error });
  }
  // ical.js returns one jCal for one top-level component and an array of them for several.
  const jcals = (Array.isArray(parsed) && typeof parsed[0] === "string" ? [parsed] : (parsed as unknown[])) as unknown[][];
  const calendars = jcals.map((jcal) => new ICAL.Component(jcal)).filter((root) => root.name === "vcalendar");
  if (calendars.length === 0) throw new NotICalendarError("Not an iCalendar document: no VCALENDAR component.");
  return calendars;
}

interface Series {
  uid: string;
  masters: ICAL.Component[];
  overrides: ICAL.Component[];
}

// One pass with a Map: a feed of thousands of VEVENTs must not pair overrides in O(n²).
// (ical.js's own pairing scans every sibling VEVENT per event, hence `exceptions` below.)
function groupByUid(calendars: ICAL.Component[]): Series[] {
  const byUid = new Map<string, Series>();
  const withoutUid: Series[] = [];
  for (const calendar of calendars) {
    for (const vevent of calendar.getAllSubcomponents("vevent")) {
      if (!vevent.hasProperty("dtstart")) continue; // only iTIP messages omit it: no time to block
      const uid = String(vevent.getFirstPropertyValue("uid") ?? "");
      let series = uid ? byUid.get(uid) : undefined;
      if (!series) {
        series = { uid, masters: [], overrides: [] };
        if (uid) byUid.set(uid, series);
        else withoutUid.push(series);
      }
      (vevent.hasProperty("recurrence-id") ? series.overrides : series.masters).push(vevent);
    }
  }
  return [...byUid.values(), ...withoutUid];
}

function busyOfSeries(series: Series, context: Context): CalendarBusy[] {
  if (series.masters.length === 0) {
    // Invited to one instance only: the override is all there is, so it stands alone.
    return series.overrides.flatMap((override) => {
      const event = new ICAL.Event(override, { exceptions: [] });
      return busyOfInstance(series.uid, event, event.startDate, event.endDate, context) ?? [];
    });
  }
  return series.masters.flatMap((master) => {
    alignUtcValuesWithFloatingStart(master, series.overrides, context);
    const event = new ICAL.Event(master, { exceptions: series.overrides });
    return event.isRecurring() ? expandSeries(series.uid, event, context) : busyOfSingle(series.uid, event, context);
  });
}

function busyOfSingle(uid: string, event: ICAL.Event, context: Context): CalendarBusy[] {
  const details = occurrenceDetails(event, event.startDate, null);
  const instance = busyOfInstance(uid, details.item, details.startDate, details.endDate, context);
  return instance ? [instance] : [];
}

function expandSeries(uid: string, event: ICAL.Event, context: Context): CalendarBusy[] {
  const busy: CalendarBusy[] = [];
  const start = event.startDate;
  const dtstart = event.component.getFirstProperty("dtstart");
  const duration = event.duration;
  const hasOverrides = Object.keys(event.exceptions).length > 0;
  // An instance that ends before the window is dropped without building it; a day of slack
  // covers all-day lengths, which are nominal days and may be 23 or 25 hours long.
  const reachMs = Math.max(0, duration.toSeconds() * 1000) + DAY_MS;
  const add = (occurrence: ICAL.Time, occurrenceMs: number) => {
    if (!hasOverrides && occurrenceMs + reachMs <= context.fromMs) return;
    const details = occurrenceDetails(event, occurrence, duration);
    const instance = busyOfInstance(uid, details.item, details.startDate, details.endDate, context);
    if (instance) busy.push(instance);
  };

  const iteratorStart = fastForwardedStart(event, context);
  const iterator = event.iterator(iteratorStart);
  let firstMs = instantOf(iteratorStart, dtstart, context);
  let lastMs = Number.NEGATIVE_INFINITY;
  let sawStart = false;
  for (let iterations = 0; iterations < MAX_ITERATIONS_PER_SERIES && busy.length < MAX_OCCURRENCES_IN_WINDOW; iterations++) {
    const occurrence = iterator.next();
    if (!occurrence) break;
    lastMs = instantOf(occurrence, dtstart, context);
    firstMs = Math.min(firstMs, lastMs);
    sawStart ||= occurrence.compare(start) === 0;
    add(occurrence, lastMs);
    if (lastMs >= context.toMs) break;
  }
  // RFC 5545 makes DTSTART the first instance, but ical.js yields it only from an RRULE.
  if (!event.component.hasProperty("rrule") && !sawStart && !isExcluded(event.component, start)) {
    const startMs = instantOf(start, dtstart, context);
    add(start, startMs);
    firstMs = Math.min(firstMs, startMs);
    lastMs = Math.max(lastMs, startMs);
  }
  // Overrides whose original slot we walked past were applied above (or belong to no
  // instance: EXDATE, stale). One whose slot lies beyond the walk (after `to`, or before a
  // fast-forwarded start) may have been moved into the window.
  for (const override of Object.values(event.exceptions)) {
    const originalMs = instantOf(override.recurrenceId, override.component.getFirstProperty("recurrence-id"), context);
    if (originalMs >= firstMs && originalMs <= lastMs) continue;
    const instance = busyOfInstance(uid, override, override.startDate, override.endDate, context);
    if (instance && busy.length < MAX_OCCURRENCES_IN_WINDOW) busy.push(instance);
  }
  return busy;
}

function isExcluded(vevent: ICAL.Component, time: ICAL.Time): boolean {
  const day = time.toString().slice(0, 10);
  return vevent.getAllProperties("exdate").some((property) =>
    property.getValues().some((value) => {
      const excluded = value as ICAL.Time;
      return excluded.isDate ? excluded.toString() === day : excluded.compare(time) === 0;
    }),
  );
}

// A feed is mostly events without overrides; for them getOccurrenceDetails only costs
// (three new times and a recomputed duration per instance, the bulk of a feed's expansion).
function occurrenceDetails(event: ICAL.Event, occurrence: ICAL.Time, duration: ICAL.Duration | null) {
  if (event.rangeExceptions.length > 0 || Object.keys(event.exceptions).length > 0) return event.getOccurrenceDetails(occurrence);
  const endDate = occurrence.clone();
  endDate.addDuration(duration ?? event.duration);
  return { recurrenceId: occurrence, item: event, startDate: occurrence, endDate };
}

// ical.js leaves a start floating when its TZID has no VTIMEZONE (or it has none), then
// compares it with UTC values as if the start were UTC: a Berlin series would lose its last
// instance to UNTIL=…T080000Z, keep an instance EXDATE'd in UTC, miss a RECURRENCE-ID given
// in UTC. Restating those values as wall time in the series' zone compares like with like.
// (The document is our own parse, so ours to edit.)
function alignUtcValuesWithFloatingStart(master: ICAL.Component, overrides: ICAL.Component[], context: Context): void {
  const dtstart = master.getFirstProperty("dtstart");
  const start = dtstart?.getFirstValue() as ICAL.Time | undefined;
  if (!dtstart || !start || start.isDate || start.zone !== ICAL.Timezone.localTimezone) return;
  const tzid = dtstart.getParameter("tzid");
  const zone = wallClockZone(dtstart, context);
  const isUtc = (time: ICAL.Time) => !time.isDate && time.zone === ICAL.Timezone.utcTimezone;
  const wallTime = (time: ICAL.Time) => {
    if (!isUtc(time)) return time;
    const wall = new TZDate(time.toUnixTime() * 1000, zone);
    return ICAL.Time.fromData({
      year: wall.getFullYear(), month: wall.getMonth() + 1, day: wall.getDate(),
      hour: wall.getHours(), minute: wall.getMinutes(), second: wall.getSeconds(), isDate: false,
    });
  };
  for (const property of master.getAllProperties("rrule")) {
    const rule = property.getFirstValue() as ICAL.Recur;
    if (rule.until) rule.until = wallTime(rule.until);
  }
  for (const property of master.getAllProperties("exdate")) {
    const values = property.getValues() as ICAL.Time[];
    if (values.some(isUtc)) property.setValues(values.map(wallTime));
  }
  for (const override of overrides) {
    const property = override.getFirstProperty("recurrence-id");
    const value = property?.getFirstValue() as ICAL.Time | undefined;
    if (!property || !value || !isUtc(value)) continue;
    property.setValue(wallTime(value));
    if (typeof tzid === "string") property.setParameter("tzid", tzid);
  }
}

// ical.js iterates from DTSTART and cannot seek, so a daily rule from 1970 walks ~20,000
// days (~0.4 s). For DAILY and WEEKLY rules without COUNT, moving DTSTART forward by whole
// periods of local wall time yields the same later instances (week alignment and wall-clock
// time are kept). We stop a margin before `from` so that a DTSTART which does not match its
// own rule, once moved, can only produce an instance that ends before the window.
function fastForwardedStart(event: ICAL.Event, context: Context): ICAL.Time {
  const start = event.startDate;
  const rules = event.component.getAllProperties("rrule").map((property) => property.getFirstValue() as ICAL.Recur);
  if (rules.length !== 1 || event.component.hasProperty("rdate")) return start;
  const rule = rules[0]!;
  if (rule.count || (rule.freq !== "DAILY" && rule.freq !== "WEEKLY")) return start;
  const periodDays = (rule.interval || 1) * (rule.freq === "WEEKLY" ? 7 : 1);
  const durationMs = Math.max(0, event.duration.toSeconds() * 1000);
  const startMs = instantOf(start, event.component.getFirstProperty("dtstart"), context);
  const gapMs = context.fromMs - durationMs - 2 * periodDays * DAY_MS - startMs;
  const periods = Math.floor(gapMs / (periodDays * DAY_MS));
  if (periods <= 0) return start;
  const moved = start.clone();
  moved.adjust(periods * periodDays, 0, 0, 0);
  return moved;
}

function busyOfInstance(uid: string, event: ICAL.Event, start: ICAL.Time, end: ICAL.Time, context: Context): CalendarBusy | null {
  if (!isBusy(event.component, context.owners)) return null;
  const startMs = instantOf(start, event.component.getFirstProperty("dtstart"), context);
  const endProperty = event.component.getFirstProperty("dtend") ?? event.component.getFirstProperty("dtstart");
  const endMs = instantOf(end, endProperty, context);
  if (!(endMs > startMs)) return null; // zero-length (DTSTART alone) or inverted: occupies no time
  if (startMs >= context.toMs || endMs <= context.fromMs) return null;
  const summary = event.component.getFirstPropertyValue("summary");
  return { uid, start: new Date(startMs), end: new Date(endMs), summary: summary == null ? null : String(summary), allDay: start.isDate };
}

function isBusy(vevent: ICAL.Component, owners: ReadonlySet<string>): boolean {
  const transparency = String(vevent.getFirstPropertyValue("transp") ?? "OPAQUE").toUpperCase();
  const status = String(vevent.getFirstPropertyValue("status") ?? "").toUpperCase();
  if (transparency === "TRANSPARENT" || status === "CANCELLED") return false;
  return !vevent.getAllProperties("attendee").some((attendee) => {
    const address = String(attendee.getFirstValue() ?? "").replace(/^mailto:/i, "").trim().toLowerCase();
    const partstat = String(attendee.getParameter("partstat") ?? "").toUpperCase();
    return partstat === "DECLINED" && owners.has(address);
  });
}

/**
 * The instant of an ical.js time. Zones defined by a VTIMEZONE in the document are resolved
 * by ical.js from the document itself (nothing global is registered, so one calendar's
 * definitions cannot leak into another's). A TZID without a VTIMEZONE is left floating by
 * ical.js; when it names an IANA zone (Google feeds do this) we convert with @date-fns/tz.
 * Floating times, unknown TZIDs and all-day dates are the owner's local wall time.
 */
function instantOf(time: ICAL.Time, property: ICAL.Property | null, context: Context): number {
  if (time.isDate) return wallTimeInstant(time, context.timeZone);
  if (time.zone === ICAL.Timezone.utcTimezone) {
    return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  }
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone) return time.toUnixTime() * 1000;
  return wallTimeInstant(time, wallClockZone(property, context));
}

/** The zone of a time ical.js left floating: its TZID if that is an IANA name, else the owner's. */
function wallClockZone(property: ICAL.Property | null, context: Context): string {
  const tzid = property?.getParameter("tzid");
  return typeof tzid === "string" && isIanaZone(tzid) ? tzid : context.timeZone;
}

function wallTimeInstant(time: ICAL.Time, zone: string): number {
  const hour = time.isDate ? 0 : time.hour;
  const minute = time.isDate ? 0 : time.minute;
  const second = time.isDate ? 0 : time.second;
  return new TZDate(time.year, time.month - 1, time.day, hour, minute, second, zone).getTime();
}

// A feed names a handful of zones; the bound keeps hostile feeds full of odd TZIDs from growing it.
const ianaZoneCache = new Map<string, boolean>();

function isIanaZone(name: string): boolean {
  let known = ianaZoneCache.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (ianaZoneCache.size >= 500) ianaZoneCache.clear();
    ianaZoneCache.set(name, known);
  }
  return known;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

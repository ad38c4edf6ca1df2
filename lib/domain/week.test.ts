import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDaysIn, shiftWeek, weekRange, zonedWallTimeToInstant } from "./week";

const HOUR_MS = 3_600_000;
const iso = (value: string) => new Date(value).toISOString();
const hours = (r: { start: Date; end: Date }) => (r.end.getTime() - r.start.getTime()) / HOUR_MS;
const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / (24 * HOUR_MS);

// An oracle independent of the code under test: the zone's wall clock as Intl renders it.
function wallClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}

describe("weekRange", () => {
  it.each([
    // zone, anchor, weekStartsOn, expected start, expected end, hours
    ["Europe/Paris", "2026-06-17T12:00:00Z", 1, "2026-06-15T00:00:00+02:00", "2026-06-22T00:00:00+02:00", 168],
    // Local date, not UTC date: Sunday 23:30Z is already Monday 01:30 in Paris.
    ["Europe/Paris", "2026-06-21T23:30:00Z", 1, "2026-06-22T00:00:00+02:00", "2026-06-29T00:00:00+02:00", 168],
    ["Europe/Paris", "2026-06-22T00:00:00+02:00", 1, "2026-06-22T00:00:00+02:00", "2026-06-29T00:00:00+02:00", 168],
    ["Europe/Paris", "2026-06-21T23:59:59.999+02:00", 1, "2026-06-15T00:00:00+02:00", "2026-06-22T00:00:00+02:00", 168],
    ["Europe/Paris", "2026-03-29T12:00:00+02:00", 1, "2026-03-23T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 167],
    ["Europe/Paris", "2026-10-25T12:00:00+01:00", 1, "2026-10-19T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 169],
    ["America/New_York", "2026-03-08T12:00:00-04:00", 1, "2026-03-02T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 167],
    ["America/New_York", "2026-11-01T12:00:00-05:00", 1, "2026-10-26T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 169],
    ["America/New_York", "2026-03-10T12:00:00-04:00", 0, "2026-03-08T00:00:00-05:00", "2026-03-15T00:00:00-04:00", 167],
    ["Asia/Kolkata", "2026-06-17T12:00:00Z", 1, "2026-06-15T00:00:00+05:30", "2026-06-22T00:00:00+05:30", 168],
    ["Asia/Kathmandu", "2026-06-17T12:00:00Z", 1, "2026-06-15T00:00:00+05:45", "2026-06-22T00:00:00+05:45", 168],
    // Chile skips local midnight: Sunday 2026-09-06 begins at 01:00 -03:00.
    ["America/Santiago", "2026-09-06T12:00:00-03:00", 0, "2026-09-06T01:00:00-03:00", "2026-09-13T00:00:00-03:00", 167],
  ] as const)("%s, anchor %s, weekStartsOn %i", (timeZone, anchor, weekStartsOn, start, end, length) => {
    const range = weekRange({ timeZone, anchor: new Date(anchor), weekStartsOn });
    expect(range.start.toISOString()).toBe(iso(start));
    expect(range.end.toISOString()).toBe(iso(end));
    expect(hours(range)).toBe(length);
  });

  it("defaults to a Monday start", () => {
    const range = weekRange({ timeZone: "Europe/Paris", anchor: new Date("2026-06-21T12:00:00Z") });
    expect(wallClock(range.start, "Europe/Paris")).toBe("Mon 00:00");
  });

  it("rejects an unknown zone and an invalid anchor", () => {
    expect(() => weekRange({ timeZone: "Mars/Olympus", anchor: new Date() })).toThrow(RangeError);
    expect(() => weekRange({ timeZone: "UTC", anchor: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe("shiftWeek", () => {
  it.each([
    ["Europe/Paris", "2026-03-25T12:00:00Z", "2026-03-30T00:00:00+02:00", "2026-04-06T00:00:00+02:00"],
    ["Europe/Paris", "2026-10-21T12:00:00Z", "2026-10-26T00:00:00+01:00", "2026-11-02T00:00:00+01:00"],
    ["America/New_York", "2026-03-04T12:00:00Z", "2026-03-09T00:00:00-04:00", "2026-03-16T00:00:00-04:00"],
    ["America/New_York", "2026-10-28T12:00:00Z", "2026-11-02T00:00:00-05:00", "2026-11-09T00:00:00-05:00"],
  ])("+1 from the DST week in %s lands on the next local Monday 00:00", (timeZone, anchor, start, end) => {
    const dstWeek = weekRange({ timeZone, anchor: new Date(anchor) });
    const next = shiftWeek(dstWeek, timeZone, 1);
    expect(next.start.toISOString()).toBe(iso(start));
    expect(next.end.toISOString()).toBe(iso(end));
    expect(next.start.getTime()).toBe(dstWeek.end.getTime());
    // -1 from the following week returns the short/long week, not "7 × 24 h earlier".
    expect(shiftWeek(next, timeZone, -1)).toEqual(dstWeek);
  });

  it("rejects a fractional number of weeks", () => {
    const range = weekRange({ timeZone: "UTC", anchor: new Date("2026-01-07T00:00:00Z") });
    expect(() => shiftWeek(range, "UTC", 0.5)).toThrow(RangeError);
  });

  it("property: shifted weeks start on local Monday 00:00, round-trip, and contain the anchor", () => {
    const zones = ["Europe/Paris", "America/New_York", "Asia/Kathmandu", "Australia/Sydney", "Australia/Lord_Howe"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2035-12-31T00:00:00Z") }),
        fc.integer({ min: -60, max: 60 }),
        (timeZone, anchorMs, weeks) => {
          const anchor = new Date(anchorMs);
          const range = weekRange({ timeZone, anchor });
          expect(range.start.getTime()).toBeLessThanOrEqual(anchorMs);
          expect(range.end.getTime()).toBeGreaterThan(anchorMs);
          const shifted = shiftWeek(range, timeZone, weeks);
          expect(wallClock(shifted.start, timeZone)).toBe("Mon 00:00");
          expect(wallClock(shifted.end, timeZone)).toBe("Mon 00:00");
          expect(Math.abs(hours(shifted) - 168)).toBeLessThanOrEqual(1);
          expect(shiftWeek(shifted, timeZone, -weeks)).toEqual(range);
        },
      ),
    );
  });
});

describe("zonedWallTimeToInstant (DST gap and overlap rule)", () => {
  it.each([
    // Normal time.
    ["Europe/Paris", "2026-03-29", "01:59", "2026-03-29T00:59:00Z"],
    // Spring-forward gap 02:00–03:00: the instant right after the gap (03:00 CEST).
    ["Europe/Paris", "2026-03-29", "02:00", "2026-03-29T01:00:00Z"],
    ["Europe/Paris", "2026-03-29", "02:30", "2026-03-29T01:00:00Z"],
    ["Europe/Paris", "2026-03-29", "03:00", "2026-03-29T01:00:00Z"],
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00Z"],
    ["Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03T15:30:00Z"],
    ["America/Santiago", "2026-09-06", "00:00", "2026-09-06T04:00:00Z"],
    ["America/Santiago", "2026-09-06", "00:30", "2026-09-06T04:00:00Z"],
    // Fall-back overlap: the first occurrence.
    ["Europe/Paris", "2026-10-25", "02:30", "2026-10-25T00:30:00Z"],
    ["Europe/Paris", "2026-10-25", "03:00", "2026-10-25T02:00:00Z"],
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z"],
    // 24:00 is the next local day's first instant.
    ["Europe/Paris", "2026-03-28", "24:00", "2026-03-28T23:00:00Z"],
    ["America/Santiago", "2026-09-05", "24:00", "2026-09-06T04:00:00Z"],
  ])("%s %s %s → %s", (timeZone, date, time, expected) => {
    const [h, m] = time.split(":").map(Number);
    const instant = zonedWallTimeToInstant(dayNumber(date), (h ?? 0) * 60 + (m ?? 0), timeZone);
    expect(instant.toISOString()).toBe(iso(expected));
  });
});

describe("localDaysIn", () => {
  it("splits a week into 7 local days, one of them 23 h long across the spring switch", () => {
    const week = weekRange({ timeZone: "Europe/Paris", anchor: new Date("2026-03-25T12:00:00Z") });
    const days = localDaysIn(week, "Europe/Paris");
    expect(days).toHaveLength(7);
    expect(days[0]?.start.toISOString()).toBe("2026-03-22T23:00:00.000Z");
    const hours = days.map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000);
    expect(hours).toEqual([24, 24, 24, 24, 24, 24, 23]);
    expect(days[6]?.end.toISOString()).toBe(week.end.toISOString());
  });
});

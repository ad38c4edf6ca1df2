import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWindowStart, outcomeCountChange, outcomeIsCredited, startOfLocalMonth, type MeetingOutcome } from "@/lib/domain/rotation-settings";

// Independent oracle: the local calendar date of an instant, read straight from Intl.
function localDate(instant: Date, timeZone: string): { y: number; m: number; d: number; h: number; min: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), min: get("minute") };
}
const monthKey = (instant: Date, zone: string) => { const l = localDate(instant, zone); return l.y * 12 + l.m; };

const ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Pacific/Auckland", "Asia/Kolkata", "America/St_Johns"];
const monthly = (timeZone: string) => ({ countWindow: "monthly" as const, timeZone });
const longAgo = new Date("2000-01-01T00:00:00Z");

describe("startOfLocalMonth (R14)", () => {
  // Offsets worked out by hand from each zone's rules for that date.
  it.each([
    ["America/New_York", "2025-11-15T12:00:00Z", "2025-11-01T04:00:00Z"], // Nov 1 still EDT (−4); DST ends Nov 2
    ["America/New_York", "2025-12-15T12:00:00Z", "2025-12-01T05:00:00Z"], // EST (−5)
    ["America/New_York", "2025-03-20T12:00:00Z", "2025-03-01T05:00:00Z"], // Mar 1 is EST; DST starts Mar 9
    ["Europe/Berlin", "2025-04-10T12:00:00Z", "2025-03-31T22:00:00Z"], // Apr 1 is CEST (+2)
    ["Europe/Berlin", "2025-03-31T12:00:00Z", "2025-02-28T23:00:00Z"], // Mar 1 is CET (+1)
    ["Pacific/Auckland", "2025-10-10T00:00:00Z", "2025-09-30T11:00:00Z"], // Oct 1 is NZDT (+13)
    ["Pacific/Auckland", "2025-04-20T00:00:00Z", "2025-03-31T11:00:00Z"], // Apr 1 still NZDT; DST ends Apr 6
    ["Pacific/Auckland", "2025-05-20T00:00:00Z", "2025-04-30T12:00:00Z"], // May 1 is NZST (+12)
    ["UTC", "2024-02-29T23:59:59Z", "2024-02-01T00:00:00Z"],
  ])("in %s, the month around %s starts at %s", (zone, at, expected) => {
    expect(startOfLocalMonth(new Date(at), zone).toISOString()).toBe(new Date(expected).toISOString());
  });

  it("the first instant of a local month is in that month and the instant before is not (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }), (zone, at) => {
        const start = startOfLocalMonth(at, zone);
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(monthKey(start, zone)).toBe(monthKey(at, zone));
        const l = localDate(start, zone);
        expect([l.d, l.h, l.min]).toEqual([1, 0, 0]);
        expect(monthKey(new Date(start.getTime() - 1), zone)).toBe(monthKey(at, zone) - 1);
      }),
    );
  });
});

describe("countWindowStart (R14)", () => {
  const reset = new Date("2025-10-15T09:00:00Z");

  it("since the last reset: the reset, whatever the month", () => {
    const now = new Date("2025-12-20T00:00:00Z");
    expect(countWindowStart({ countWindow: "since_reset", timeZone: "Pacific/Auckland" }, reset, now)).toEqual(reset);
  });

  it.each([
    // [zone, now, expected window start]
    ["America/New_York", "2025-11-01T03:59:59.999Z", "2025-10-15T09:00:00Z"], // still Oct 31 in New York: the later reset wins
    ["America/New_York", "2025-11-01T04:00:00Z", "2025-11-01T04:00:00Z"], // first instant of Nov 1 EDT
    ["Europe/Berlin", "2025-10-31T22:59:59.999Z", "2025-10-15T09:00:00Z"], // Oct 31 23:59 CET
    ["Europe/Berlin", "2025-10-31T23:00:00Z", "2025-10-31T23:00:00Z"], // Nov 1 00:00 CET (after the Oct 26 change)
    ["Pacific/Auckland", "2025-10-31T10:59:59.999Z", "2025-10-15T09:00:00Z"], // Oct 31 23:59 NZDT
    ["Pacific/Auckland", "2025-10-31T11:00:00Z", "2025-10-31T11:00:00Z"], // Nov 1 00:00 NZDT, a UTC instant still in October
    ["UTC", "2025-10-31T11:00:00Z", "2025-10-15T09:00:00Z"], // the same instant is October in UTC
  ])("monthly in %s at %s starts at %s", (zone, now, expected) => {
    expect(countWindowStart(monthly(zone), reset, new Date(now)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it("a reset later than the month start wins", () => {
    const lateReset = new Date("2025-11-20T10:00:00Z");
    expect(countWindowStart(monthly("Europe/Berlin"), lateReset, new Date("2025-11-25T00:00:00Z"))).toEqual(lateReset);
  });

  it("monthly: the later of the reset and the local month start (property)", () => {
    const dateArb = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), dateArb, dateArb, (zone, resetAt, now) => {
        const start = countWindowStart(monthly(zone), resetAt, now);
        expect(start.getTime()).toBeGreaterThanOrEqual(resetAt.getTime());
        const monthStart = startOfLocalMonth(now, zone);
        expect(start.getTime()).toBe(Math.max(resetAt.getTime(), monthStart.getTime()));
        // Independent check: unless the reset set it, the window starts inside the current local month.
        if (start.getTime() !== resetAt.getTime()) {
          expect(monthKey(start, zone)).toBe(monthKey(now, zone));
          expect(monthKey(new Date(start.getTime() - 1), zone)).toBe(monthKey(now, zone) - 1);
        }
        // A reset long ago never pushes the window before the current month.
        expect(monthKey(countWindowStart(monthly(zone), longAgo, now), zone)).toBe(monthKey(now, zone));
      }),
    );
  });
});

describe("outcomeIsCredited (R17)", () => {
  it.each<[MeetingOutcome | null, boolean, boolean]>([
    ["no_show", false, true],
    ["canceled_by_contact", false, true],
    ["completed", false, false],
    [null, false, false],
    ["no_show", true, false], // default: no-shows count, no credit-back
    ["canceled_by_contact", true, false],
    ["completed", true, false],
    [null, true, false],
  ])("outcome %s with countNoShows=%s credits back: %s", (outcome, countNoShows, expected) => {
    expect(outcomeIsCredited(outcome, countNoShows)).toBe(expected);
  });
});

describe("outcomeCountChange (R17)", () => {
  it.each<[MeetingOutcome | null, MeetingOutcome | null, boolean, number]>([
    [null, "no_show", false, -1], // credited back
    ["no_show", null, false, 1], // undone: restored
    ["no_show", "canceled_by_contact", false, 0], // still credited: nothing twice
    ["completed", "no_show", false, -1],
    ["canceled_by_contact", "completed", false, 1],
    [null, "no_show", true, 0], // no-shows count: marking changes nothing
    ["no_show", null, true, 0],
  ])("%s → %s with countNoShows=%s moves the count by %s", (previous, next, countNoShows, expected) => {
    expect(outcomeCountChange(previous, next, countNoShows)).toBe(expected);
  });
});

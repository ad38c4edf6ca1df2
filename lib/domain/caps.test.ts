import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capLookaround, capPeriods, capReached, describeCap } from "@/lib/domain/caps";
import { CAP_KINDS, type CapKind, type Caps } from "@/lib/domain/rotation-settings";

// Independent oracle: local calendar facts of an instant, read from Intl.
function local(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, year: "numeric", month: "numeric", day: "numeric", weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const y = Number(get("year")), m = Number(get("month")), d = Number(get("day"));
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")); // 0 = Monday
  const dayNumber = Date.UTC(y, m - 1, d) / 86_400_000;
  return { y, m, d, h: Number(get("hour")), min: Number(get("minute")), weekday, dayNumber, month: y * 12 + m, monday: dayNumber - weekday };
}
/** The key of the cap period an instant falls in, computed by the oracle. */
function periodKey(kind: CapKind, instant: Date, zone: string): number {
  const l = local(instant, zone);
  return kind === "daily" ? l.dayNumber : kind === "weekly" ? l.monday : l.month;
}

const ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Pacific/Auckland", "Asia/Kathmandu", "Pacific/Kiritimati"];
const NO_CAPS: Caps = { daily: null, weekly: null, monthly: null };
const dateArb = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true });

describe("capPeriods (R18)", () => {
  it("Sunday 23:30 in Auckland is still the week that began Monday, and the day is Sunday", () => {
    const sundayLate = new Date("2025-12-07T10:30:00Z"); // Sun Dec 7 23:30 NZDT (+13)
    const p = capPeriods(sundayLate, "Pacific/Auckland");
    expect(p.weekly.start.toISOString()).toBe("2025-11-30T11:00:00.000Z"); // Mon Dec 1 00:00 NZDT
    expect(p.weekly.end.toISOString()).toBe("2025-12-07T11:00:00.000Z"); // Mon Dec 8 00:00 NZDT
    expect(p.daily.start.toISOString()).toBe("2025-12-06T11:00:00.000Z");
    expect(p.monthly.start.toISOString()).toBe("2025-11-30T11:00:00.000Z"); // Dec 1 00:00 NZDT
    expect(p.monthly.end.toISOString()).toBe("2025-12-31T11:00:00.000Z");
  });

  it("each period contains the instant, starts at local midnight and ends where the next begins (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), dateArb, (zone, at) => {
        const periods = capPeriods(at, zone);
        for (const kind of CAP_KINDS) {
          const { start, end } = periods[kind];
          expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(end.getTime()).toBeGreaterThan(at.getTime());
          const key = periodKey(kind, at, zone);
          expect(periodKey(kind, start, zone)).toBe(key);
          expect(periodKey(kind, new Date(end.getTime() - 1), zone)).toBe(key);
          expect(periodKey(kind, new Date(start.getTime() - 1), zone)).not.toBe(key);
          expect(periodKey(kind, end, zone)).not.toBe(key);
          const ls = local(start, zone);
          expect([ls.h, ls.min]).toEqual([0, 0]);
          if (kind === "weekly") expect(ls.weekday).toBe(0);
          if (kind === "monthly") expect(ls.d).toBe(1);
        }
      }),
    );
  });
});

describe("capReached (R18)", () => {
  const zone = "Pacific/Auckland";
  const sundayLate = new Date("2025-12-07T10:30:00Z"); // Sun Dec 7 23:30 NZDT
  const mondayMorning = new Date("2025-11-30T20:00:00Z"); // Mon Dec 1 09:00 NZDT, same week
  const previousSunday = new Date("2025-11-30T10:30:00Z"); // Sun Nov 30 23:30 NZDT, previous week and month

  it("no caps: never reached", () => {
    expect(capReached(NO_CAPS, Array(50).fill(sundayLate), sundayLate, zone)).toBeNull();
  });

  it("the week is Monday–Sunday in the host's zone", () => {
    const caps = { ...NO_CAPS, weekly: 1 };
    expect(capReached(caps, [mondayMorning], sundayLate, zone)).toEqual({ cap: "weekly", limit: 1 });
    expect(capReached(caps, [previousSunday], sundayLate, zone)).toBeNull();
    // In UTC the same instants fall in different weeks: Sunday 10:30Z vs Sunday 20:00Z of the week before.
    expect(capReached(caps, [mondayMorning], sundayLate, "UTC")).toBeNull();
  });

  it("the first instant of a month starts a new monthly count", () => {
    const caps = { ...NO_CAPS, monthly: 1 };
    const firstInstant = new Date("2025-11-30T11:00:00Z"); // Dec 1 00:00 NZDT
    const lastOfNovember = new Date(firstInstant.getTime() - 1);
    expect(capReached(caps, [lastOfNovember], firstInstant, zone)).toBeNull();
    expect(capReached(caps, [firstInstant], sundayLate, zone)).toEqual({ cap: "monthly", limit: 1 });
    expect(capReached(caps, [lastOfNovember], new Date(lastOfNovember.getTime() - 60_000), zone)).toEqual({ cap: "monthly", limit: 1 });
  });

  it("the daily cap counts the local day only", () => {
    const caps = { ...NO_CAPS, daily: 2 };
    const sundayMorning = new Date("2025-12-06T20:00:00Z"); // Sun Dec 7 09:00 NZDT
    expect(capReached(caps, [sundayMorning], sundayLate, zone)).toBeNull();
    expect(capReached(caps, [sundayMorning, sundayMorning], sundayLate, zone)).toEqual({ cap: "daily", limit: 2 });
    expect(capReached(caps, [mondayMorning, mondayMorning], sundayLate, zone)).toBeNull();
  });

  it("picks the first cap in order daily, weekly, monthly", () => {
    const all: Caps = { daily: 1, weekly: 1, monthly: 1 };
    expect(capReached(all, [sundayLate], sundayLate, zone)?.cap).toBe("daily");
    expect(capReached(all, [mondayMorning], sundayLate, zone)?.cap).toBe("weekly");
    expect(capReached({ ...all, daily: null }, [sundayLate], sundayLate, zone)?.cap).toBe("weekly");
    expect(capReached({ daily: 5, weekly: 5, monthly: 1 }, [mondayMorning], sundayLate, zone)?.cap).toBe("monthly");
  });

  it("reached exactly when the oracle's count in some capped period is at the limit; the first such (property)", () => {
    const capArb = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.record({ daily: capArb, weekly: capArb, monthly: capArb }),
        fc.date({ min: new Date("2025-01-01"), max: new Date("2025-03-01"), noInvalidDate: true }),
        fc.array(fc.integer({ min: -40 * 24, max: 40 * 24 }), { maxLength: 8 }),
        (z, caps, at, offsetsHours) => {
          const booked = offsetsHours.map((h) => new Date(at.getTime() + h * 3_600_000));
          const expected = CAP_KINDS.find((kind) => {
            const limit = caps[kind];
            return limit !== null && booked.filter((b) => periodKey(kind, b, z) === periodKey(kind, at, z)).length >= limit;
          });
          const hit = capReached(caps, booked, at, z);
          expect(hit).toEqual(expected ? { cap: expected, limit: caps[expected] } : null);
        },
      ),
    );
  });
});

describe("describeCap (R20)", () => {
  it.each<[CapKind, number, string]>([
    ["daily", 1, "Daily cap 1 reached"],
    ["weekly", 5, "Weekly cap 5 reached"],
    ["monthly", 20, "Monthly cap 20 reached"],
  ])("%s %i → %s", (cap, limit, words) => {
    expect(describeCap({ cap, limit })).toBe(words);
  });
});

describe("capLookaround", () => {
  it("null without caps or without times", () => {
    const t = { start: new Date("2025-01-01T00:00:00Z"), end: new Date("2025-01-01T01:00:00Z") };
    expect(capLookaround(NO_CAPS, [t])).toBeNull();
    expect(capLookaround({ ...NO_CAPS, daily: 1 }, [])).toBeNull();
  });

  it("covers every cap period of every time for every set cap (property)", () => {
    const capArb = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({ daily: capArb, weekly: capArb, monthly: capArb }),
        fc.constantFrom(...ZONES),
        fc.array(fc.tuple(dateArb, fc.integer({ min: 1, max: 600 })), { minLength: 1, maxLength: 5 }),
        (caps, zone, raw) => {
          const times = raw.map(([start, minutes]) => ({ start, end: new Date(start.getTime() + minutes * 60_000) }));
          const around = capLookaround(caps, times);
          const set = CAP_KINDS.filter((k) => caps[k] !== null);
          if (set.length === 0) {
            expect(around).toBeNull();
            return;
          }
          expect(around).not.toBeNull();
          for (const t of times) {
            for (const kind of set) {
              const { start, end } = capPeriods(t.start, zone)[kind];
              // Every start that counts lies in [start, end): both ends of that range must be loaded.
              expect(start.getTime()).toBeGreaterThanOrEqual(around!.start.getTime());
              expect(end.getTime() - 1).toBeLessThanOrEqual(around!.end.getTime());
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

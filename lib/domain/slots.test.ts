import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEETING_DURATIONS, freeSlots, overlaps, slotStepMinutes, workingWindows, type Interval } from "./slots";
import { weekRange } from "./week";
import { DEFAULT_WORKING_HOURS, isValidTimeZone, isValidWorkingHours, type WorkingHours } from "./working-hours";

const PARIS = "Europe/Paris";
const MINUTE_MS = 60_000;
const at = (value: string) => new Date(value);
const iso = (value: string) => new Date(value).toISOString();
const iv = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const startsOf = (slots: Interval[]) => slots.map((s) => s.start.toISOString());
const weekOf = (timeZone: string, anchor: string) => {
  const { start, end } = weekRange({ timeZone, anchor: at(anchor) });
  return { from: start, to: end };
};

// Oracle independent of the code under test: the zone's wall clock as Intl renders it.
function wallClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(instant);
}
const wallMinutes = (instant: Date, timeZone: string) => {
  const [h, m] = wallClock(instant, timeZone).split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

describe("freeSlots: a Paris week, Mon–Fri 09:00–17:00", () => {
  const week = weekOf(PARIS, "2026-06-17T12:00:00+02:00"); // Mon 15 – Sun 21 June 2026
  const busy = [
    iv("2026-06-16T10:00:00+02:00", "2026-06-16T11:00:00+02:00"),
    iv("2026-06-16T13:15:00+02:00", "2026-06-16T14:00:00+02:00"),
    iv("2026-06-16T16:30:00+02:00", "2026-06-16T18:00:00+02:00"),
    iv("2026-06-17T07:00:00Z", "2026-06-17T08:00:00Z"), // Wed 09:00–10:00 Paris, given in UTC
    iv("2026-06-20T10:00:00+02:00", "2026-06-20T12:00:00+02:00"), // Saturday: no working hours anyway
  ];
  const slots = (durationMinutes: number, now = week.from) =>
    freeSlots({ timeZone: PARIS, workingHours: DEFAULT_WORKING_HOURS, busy, ...week, durationMinutes, now });
  const onDay = (list: Interval[], day: string) =>
    startsOf(list.filter((s) => s.start.getTime() >= Date.parse(`${day}T00:00:00+02:00`) &&
      s.start.getTime() < Date.parse(`${day}T24:00:00+02:00`)));
  const t = (day: string, times: string[]) => times.map((time) => iso(`${day}T${time}:00+02:00`));

  it.each([
    [30, "2026-06-16", ["09:00", "09:30", "11:00", "11:30", "12:00", "12:30", "14:00", "14:30", "15:00", "15:30", "16:00"]],
    [45, "2026-06-16", ["09:00", "11:00", "11:30", "12:00", "12:30", "14:00", "14:30", "15:00", "15:30"]],
    [30, "2026-06-17", ["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"]],
    [60, "2026-06-16", ["09:00", "11:00", "11:30", "12:00", "14:00", "14:30", "15:00", "15:30"]],
    [30, "2026-06-20", []],
  ] as const)("%i-minute slots on %s", (duration, day, times) => {
    expect(onDay(slots(duration), day)).toEqual(t(day, [...times]));
  });

  it.each([
    // 8 h a day; Tuesday loses 10:00–11:00, 13:15–14:00, 16:30–17:00 and Wednesday 09:00–10:00.
    [15, 32 * 5 - 4 - 3 - 2 - 4],
    [30, 16 + 11 + 14 + 16 + 16],
    [45, 15 + 9 + 13 + 15 + 15],
  ])("%i-minute slots over the whole week: %i", (duration, count) => {
    const list = slots(duration);
    expect(list).toHaveLength(count);
    expect(list.every((s) => s.end.getTime() - s.start.getTime() === duration * MINUTE_MS)).toBe(true);
  });

  it.each([
    // now, first slot on Tuesday (30-minute meetings)
    ["2026-06-16T09:00:00+02:00", "09:00"],
    ["2026-06-16T10:30:00+02:00", "11:00"],
    ["2026-06-16T12:10:00+02:00", "12:30"], // the grid holds: no 12:10 slot
    ["2026-06-16T12:30:00+02:00", "12:30"], // a slot starting exactly at now is offered
    ["2026-06-16T12:30:00.001+02:00", "14:00"], // 13:00 and 13:30 are busy
  ])("now = %s → first slot %s, nothing earlier", (now, first) => {
    const list = slots(30, at(now));
    expect(list[0]?.start.toISOString()).toBe(iso(`2026-06-16T${first}:00+02:00`));
    expect(list.every((s) => s.start.getTime() >= at(now).getTime())).toBe(true);
  });

  it("keeps the grid anchored on the window start when `from` cuts a day", () => {
    const from = at("2026-06-16T12:10:00+02:00");
    const to = at("2026-06-17T10:00:00+02:00");
    const windows = workingWindows({ timeZone: PARIS, workingHours: DEFAULT_WORKING_HOURS, from, to });
    expect(windows.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      [from.toISOString(), iso("2026-06-16T17:00:00+02:00")],
      [iso("2026-06-17T09:00:00+02:00"), to.toISOString()],
    ]);
    const list = freeSlots({ timeZone: PARIS, workingHours: DEFAULT_WORKING_HOURS, busy: [], from, to, durationMinutes: 30, now: week.from });
    expect(list[0]?.start.toISOString()).toBe(iso("2026-06-16T12:30:00+02:00"));
    expect(list.at(-1)?.start.toISOString()).toBe(iso("2026-06-17T09:30:00+02:00"));
  });

  it("does not mutate its inputs", () => {
    const frozenBusy = Object.freeze([...busy].reverse().map((b) => Object.freeze({ ...b })));
    const times = frozenBusy.map((b) => [b.start.getTime(), b.end.getTime()]);
    const workingHours = Object.freeze({ ...DEFAULT_WORKING_HOURS, weekdays: Object.freeze([5, 1, 3]) as number[] });
    const list = freeSlots({ timeZone: PARIS, workingHours, busy: frozenBusy, ...week, durationMinutes: 30, now: week.from });
    expect(list.length).toBeGreaterThan(0);
    expect(frozenBusy.map((b) => [b.start.getTime(), b.end.getTime()])).toEqual(times);
  });
});

describe("half-open intervals", () => {
  const day = (time: string) => `2026-06-15T${time}+02:00`;
  it.each([
    // busy interval, 09:00 slot kept?, 09:30 slot kept?
    ["08:30:00", "09:00:00", true, true], // touches the 09:00 slot's start
    ["09:30:00", "10:00:00", true, false], // touches the 09:00 slot's end
    ["10:00:00", "10:30:00", true, true], // touches the 09:30 slot's end
    ["09:29:00", "09:31:00", false, false],
    ["08:00:00", "09:00:00.001", false, true],
    ["09:15:00", "09:15:00", true, true], // empty: overlaps nothing
  ])("busy [%s, %s) → 09:00 %s, 09:30 %s", (start, end, keep0900, keep0930) => {
    const list = freeSlots({
      timeZone: PARIS, workingHours: DEFAULT_WORKING_HOURS, busy: [iv(day(start), day(end))],
      from: at(day("00:00:00")), to: at(day("12:00:00")), durationMinutes: 30, now: at(day("00:00:00")),
    });
    const starts = startsOf(list);
    expect(starts.includes(iso(day("09:00:00")))).toBe(keep0900);
    expect(starts.includes(iso(day("09:30:00")))).toBe(keep0930);
  });

  it.each([
    ["10:00", "11:00", false], // touching
    ["08:00", "09:00", false], // touching on the other side
    ["09:59", "11:00", true],
    ["09:15", "09:45", true], // contained
    ["09:00", "10:00", true], // identical
    ["09:30", "09:30", false], // empty, even when inside
  ])("overlaps([09:00,10:00), [%s,%s)) = %s", (start, end, expected) => {
    const a = iv(`2026-06-15T09:00:00Z`, `2026-06-15T10:00:00Z`);
    const b = iv(`2026-06-15T${start}:00Z`, `2026-06-15T${end}:00Z`);
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it.each([[15, 15], [30, 30], [45, 30], [60, 30]])("slotStepMinutes(%i) = %i", (duration, step) => {
    expect(slotStepMinutes(duration)).toBe(step);
  });
});

describe("daylight-saving changes", () => {
  const nightShift: WorkingHours = { weekdays: [0], start: "00:00", end: "06:00" };
  it.each([
    // zone, Sunday, window start, window end (real length), 30-min wall clock, Monday 09:00
    ["Europe/Paris", "2026-03-29", "2026-03-28T23:00:00Z", "2026-03-29T04:00:00Z",
      "00:00 00:30 01:00 01:30 03:00 03:30 04:00 04:30 05:00 05:30", "2026-03-30T07:00:00Z"],
    ["Europe/Paris", "2026-10-25", "2026-10-24T22:00:00Z", "2026-10-25T05:00:00Z",
      "00:00 00:30 01:00 01:30 02:00 02:30 02:00 02:30 03:00 03:30 04:00 04:30 05:00 05:30", "2026-10-26T08:00:00Z"],
    ["America/New_York", "2026-03-08", "2026-03-08T05:00:00Z", "2026-03-08T10:00:00Z",
      "00:00 00:30 01:00 01:30 03:00 03:30 04:00 04:30 05:00 05:30", "2026-03-09T13:00:00Z"],
    ["America/New_York", "2026-11-01", "2026-11-01T04:00:00Z", "2026-11-01T11:00:00Z",
      "00:00 00:30 01:00 01:30 01:00 01:30 02:00 02:30 03:00 03:30 04:00 04:30 05:00 05:30", "2026-11-02T14:00:00Z"],
  ])("%s on %s", (timeZone, sunday, windowStart, windowEnd, wall30, mondayNine) => {
    const week = weekOf(timeZone, `${sunday}T12:00:00Z`);
    const windows = workingWindows({ timeZone, workingHours: nightShift, ...week });
    expect(windows.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([[iso(windowStart), iso(windowEnd)]]);
    const lengthMinutes = (Date.parse(windowEnd) - Date.parse(windowStart)) / MINUTE_MS;

    for (const duration of [15, 30, 45, 60]) {
      const step = slotStepMinutes(duration);
      const list = freeSlots({ timeZone, workingHours: nightShift, busy: [], ...week, durationMinutes: duration, now: week.from });
      expect(list).toHaveLength(Math.floor((lengthMinutes - duration) / step) + 1);
      if (duration <= 30) expect(list).toHaveLength(lengthMinutes / step);
      expect(new Set(startsOf(list)).size).toBe(list.length);
      // Neither a skipped nor a repeated slot: consecutive starts are one step of real time apart.
      list.slice(1).forEach((s, i) => expect(s.start.getTime() - list[i]!.start.getTime()).toBe(step * MINUTE_MS));
      list.forEach((s) => expect(wallMinutes(s.start, timeZone) % step).toBe(0));
      if (duration === 30) expect(list.map((s) => wallClock(s.start, timeZone)).join(" ")).toBe(wall30);
    }

    const nextWeek = weekOf(timeZone, `${mondayNine.slice(0, 10)}T12:00:00Z`);
    const monday = freeSlots({ timeZone, workingHours: DEFAULT_WORKING_HOURS, busy: [], ...nextWeek, durationMinutes: 30, now: nextWeek.from });
    expect(monday[0]?.start.toISOString()).toBe(iso(mondayNine));
    expect(monday.filter((s) => s.start.getTime() < Date.parse(mondayNine) + 12 * 3_600_000)).toHaveLength(16);
  });

  it.each([
    // Documented gap rule: a wall time that does not exist resolves to the instant right
    // after the gap; one that happens twice resolves to its first occurrence.
    [PARIS, { weekdays: [0], start: "02:30", end: "04:00" }, "2026-03-29", [["2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"]]],
    [PARIS, { weekdays: [0], start: "00:00", end: "02:30" }, "2026-03-29", [["2026-03-28T23:00:00Z", "2026-03-29T01:00:00Z"]]],
    [PARIS, { weekdays: [0], start: "02:15", end: "02:45" }, "2026-03-29", []], // collapses to nothing
    [PARIS, { weekdays: [0], start: "02:30", end: "04:00" }, "2026-10-25", [["2026-10-25T00:30:00Z", "2026-10-25T03:00:00Z"]]],
    [PARIS, { weekdays: [6], start: "22:00", end: "24:00" }, "2026-03-28", [["2026-03-28T21:00:00Z", "2026-03-28T23:00:00Z"]]],
    ["America/Santiago", { weekdays: [6], start: "22:00", end: "24:00" }, "2026-09-05", [["2026-09-06T02:00:00Z", "2026-09-06T04:00:00Z"]]],
  ])("%s %j on the week of %s", (timeZone, workingHours, date, expected) => {
    const windows = workingWindows({ timeZone, workingHours, ...weekOf(timeZone, `${date}T12:00:00Z`) });
    expect(windows.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual(expected.map((w) => w.map(iso)));
  });
});

describe("zones with a non-hour offset", () => {
  it.each([
    ["Asia/Kolkata", "2026-06-15T03:30:00Z", "2026-06-15T11:30:00Z"],
    ["Asia/Kathmandu", "2026-06-15T03:15:00Z", "2026-06-15T11:15:00Z"],
  ])("%s: Monday 09:00 local is %s", (timeZone, nine, five) => {
    const week = weekOf(timeZone, "2026-06-17T06:00:00Z");
    const windows = workingWindows({ timeZone, workingHours: DEFAULT_WORKING_HOURS, ...week });
    expect(windows[0]?.start.toISOString()).toBe(iso(nine));
    expect(windows[0]?.end.toISOString()).toBe(iso(five));
    const list = freeSlots({ timeZone, workingHours: DEFAULT_WORKING_HOURS, busy: [], ...week, durationMinutes: 45, now: week.from });
    expect(list[0]?.start.toISOString()).toBe(iso(nine));
    expect(list.every((s) => wallMinutes(s.start, timeZone) % 30 === 0)).toBe(true);
  });
});

describe("input validation", () => {
  const base = { timeZone: PARIS, workingHours: DEFAULT_WORKING_HOURS, busy: [], from: at("2026-06-15T00:00:00Z"), to: at("2026-06-16T00:00:00Z"), durationMinutes: 30, now: at("2026-06-15T00:00:00Z") };
  it("throws on programming errors rather than returning no slots", () => {
    expect(() => freeSlots({ ...base, timeZone: "Nowhere/Land" })).toThrow(RangeError);
    expect(() => freeSlots({ ...base, durationMinutes: 0 })).toThrow(RangeError);
    expect(() => freeSlots({ ...base, now: new Date(Number.NaN) })).toThrow(RangeError);
    expect(() => freeSlots({ ...base, workingHours: { weekdays: [1], start: "17:00", end: "09:00" } })).toThrow(TypeError);
  });
  it("returns nothing for an empty range", () => {
    expect(freeSlots({ ...base, to: base.from })).toEqual([]);
  });

  it.each([
    [DEFAULT_WORKING_HOURS, true],
    [{ weekdays: [], start: "00:00", end: "24:00" }, true],
    [{ weekdays: [0, 6], start: "23:59", end: "24:00" }, true],
    [{ weekdays: [1], start: "09:00", end: "09:00" }, false],
    [{ weekdays: [1], start: "24:00", end: "24:00" }, false],
    [{ weekdays: [1], start: "9:00", end: "17:00" }, false],
    [{ weekdays: [1], start: "09:00", end: "24:01" }, false],
    [{ weekdays: [7], start: "09:00", end: "17:00" }, false],
    [{ weekdays: [1, 1], start: "09:00", end: "17:00" }, false],
    [{ weekdays: [1.5], start: "09:00", end: "17:00" }, false],
    [{ weekdays: "1", start: "09:00", end: "17:00" }, false],
    [null, false],
  ])("isValidWorkingHours(%j) = %s", (value, expected) => {
    expect(isValidWorkingHours(value)).toBe(expected);
  });

  it.each([["Europe/Paris", true], ["UTC", true], ["Asia/Kathmandu", true], ["Mars/Olympus", false], ["", false]])(
    "isValidTimeZone(%j) = %s",
    (name, expected) => expect(isValidTimeZone(name)).toBe(expected),
  );
});

describe("property: freeSlots over random weeks, busy sets and nows", () => {
  const zones = ["Europe/Paris", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago", "UTC"];
  const dstAnchors = ["2026-03-29", "2026-10-25", "2026-03-08", "2026-11-01", "2026-10-04", "2026-09-06"];
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const workingHoursArb = fc
    .record({
      weekdays: fc.subarray([0, 1, 2, 3, 4, 5, 6]),
      start: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 1, max: 1440 }),
    })
    .map(({ weekdays, start, length }): WorkingHours =>
      ({ weekdays, start: hhmm(start), end: hhmm(Math.min(1440, start + length)) }));
  const anchorArb = fc.oneof(
    fc.constantFrom(...dstAnchors).map((d) => `${d}T12:00:00Z`),
    fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") })
      .map((ms) => new Date(ms).toISOString()),
  );
  const WEEK_MIN = 7 * 24 * 60;
  const busyArb = fc.array(
    fc.record({ offset: fc.integer({ min: -120, max: WEEK_MIN + 120 }), length: fc.integer({ min: 0, max: 300 }) }),
    { maxLength: 25 },
  );

  it("returns exactly the free, future grid points of the working windows", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones), anchorArb, workingHoursArb, busyArb,
        fc.integer({ min: -2 * 24 * 60, max: WEEK_MIN + 24 * 60 }), fc.constantFrom(...MEETING_DURATIONS),
        (timeZone, anchor, workingHours, busySpec, nowOffset, durationMinutes) => {
          const { from, to } = weekOf(timeZone, anchor);
          const shift = (minutes: number) => new Date(from.getTime() + minutes * MINUTE_MS);
          const busy = busySpec.map(({ offset, length }) => ({ start: shift(offset), end: shift(offset + length) }));
          const now = shift(nowOffset + 0.5); // half a minute: a now that is off the grid
          const list = freeSlots({ timeZone, workingHours, busy, from, to, durationMinutes, now });
          const windows = workingWindows({ timeZone, workingHours, from, to });
          const durationMs = durationMinutes * MINUTE_MS;

          list.forEach((slot, i) => {
            expect(slot.end.getTime() - slot.start.getTime()).toBe(durationMs);
            expect(slot.start.getTime()).toBeGreaterThanOrEqual(now.getTime());
            expect(busy.some((b) => overlaps(slot, b))).toBe(false);
            expect(windows.some((w) => w.start <= slot.start && slot.end <= w.end)).toBe(true);
            if (i > 0) expect(slot.start.getTime()).toBeGreaterThan(list[i - 1]!.start.getTime());
          });

          // Brute-force oracle. The range is whole local days, so no window is clipped and
          // each window's start is the grid's anchor.
          const stepMs = slotStepMinutes(durationMinutes) * MINUTE_MS;
          const expected: string[] = [];
          for (const w of windows) {
            for (let s = w.start.getTime(); s + durationMs <= w.end.getTime(); s += stepMs) {
              const slot = { start: new Date(s), end: new Date(s + durationMs) };
              if (s >= now.getTime() && !busy.some((b) => overlaps(slot, b))) expected.push(slot.start.toISOString());
            }
          }
          expect(startsOf(list)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("working windows fall on the listed local weekdays, sorted and disjoint", () => {
    const weekdayName = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), anchorArb, workingHoursArb, (timeZone, anchor, workingHours) => {
        const windows = workingWindows({ timeZone, workingHours, ...weekOf(timeZone, anchor) });
        const local = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" });
        const lengthMin = (parseHHMM(workingHours.end) - parseHHMM(workingHours.start));
        windows.forEach((w, i) => {
          expect(workingHours.weekdays.map((d) => weekdayName[d])).toContain(local.format(w.start));
          // DST moves a window's length by at most the shift (one hour in these zones).
          expect(Math.abs((w.end.getTime() - w.start.getTime()) / MINUTE_MS - lengthMin)).toBeLessThanOrEqual(60);
          if (i > 0) expect(w.start.getTime()).toBeGreaterThanOrEqual(windows[i - 1]!.end.getTime());
        });
      }),
      { numRuns: 300 },
    );
  });
});

function parseHHMM(value: string): number {
  const [h, m] = value.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

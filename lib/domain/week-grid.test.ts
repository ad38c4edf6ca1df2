import { describe, expect, it } from "vitest";
import { localDaysIn, weekRange } from "./week";
import { layoutWeekGrid, type WeekGridInput } from "./week-grid";
import type { WorkingHours } from "./working-hours";

const NEW_YORK = "America/New_York";
const BERLIN = "Europe/Berlin";
const WEEKDAYS_9_TO_5: WorkingHours = { weekdays: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };
const at = (value: string) => new Date(value);

// Mon 23 – Sun 29 November 2026 in New York; Berlin is 6 hours ahead all week.
const days = localDaysIn(weekRange({ timeZone: NEW_YORK, anchor: at("2026-11-25T12:00:00-05:00") }), NEW_YORK);

function grid(overrides: Partial<WeekGridInput> = {}) {
  return layoutWeekGrid({ days, hostTimeZone: BERLIN, workingHours: WEEKDAYS_9_TO_5, busy: [], slots: [], ...overrides });
}

describe("layoutWeekGrid: a Berlin host's week seen from New York", () => {
  it("spans the host's working hours in the viewer's zone, whole hours only", () => {
    const g = grid();
    expect([g.firstMinute / 60, g.lastMinute / 60]).toEqual([3, 11]);
    expect(g.hours.map((h) => h.minuteOfDay / 60)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(g.hours[0]?.top).toBe(0);
  });

  it("shades working time on working days only", () => {
    const g = grid();
    expect(g.days).toHaveLength(7);
    expect(g.days.slice(0, 5).map((d) => d.working)).toEqual(Array(5).fill([{ top: 0, height: 480 }]));
    expect(g.days.slice(5).map((d) => d.working)).toEqual([[], []]);
  });

  it("places busy time and slots at their minutes from the top, in the viewer's day", () => {
    const g = grid({
      busy: [{ start: at("2026-11-23T10:00:00+01:00"), end: at("2026-11-23T10:30:00+01:00"), kind: "meeting" }],
      slots: [at("2026-11-24T09:30:00+01:00")],
    });
    expect(g.days[0]?.busy).toEqual([{ top: 60, height: 30, start: at("2026-11-23T09:00:00Z"), end: at("2026-11-23T09:30:00Z"), kind: "meeting" }]);
    expect(g.days[1]?.slots).toEqual([{ start: at("2026-11-24T08:30:00Z"), top: 30 }]);
    expect(g.days[0]?.slots).toEqual([]);
  });

  it("clips busy time to the grid and leaves out busy time outside it", () => {
    const g = grid({
      busy: [
        { start: at("2026-11-25T00:00:00-05:00"), end: at("2026-11-25T04:00:00-05:00"), kind: "busy" },
        { start: at("2026-11-25T20:00:00+01:00"), end: at("2026-11-25T21:00:00+01:00"), kind: "busy" },
      ],
    });
    expect(g.days[2]?.busy.map(({ top, height }) => ({ top, height }))).toEqual([{ top: 0, height: 60 }]);
    expect([g.firstMinute, g.lastMinute]).toEqual([180, 660]);
  });

  it("shows 9 to 5 when the host works no day of the week", () => {
    const g = grid({ workingHours: { weekdays: [], start: "09:00", end: "17:00" } });
    expect([g.firstMinute / 60, g.lastMinute / 60]).toEqual([9, 17]);
    expect(g.days.every((d) => d.working.length === 0)).toBe(true);
  });

  it("a host in the viewer's own zone gets their own hours", () => {
    const g = layoutWeekGrid({ days, hostTimeZone: NEW_YORK, workingHours: { weekdays: [1], start: "08:30", end: "12:15" }, busy: [], slots: [] });
    expect([g.firstMinute / 60, g.lastMinute / 60]).toEqual([8, 13]);
    expect(g.days[0]?.working).toEqual([{ top: 30, height: 225 }]);
  });
});

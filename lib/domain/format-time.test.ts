import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatDateTime, formatDay, formatHourMark, formatTime, formatTimeRange, zoneAbbreviation } from "./format-time";

describe("formatting instants in a named zone", () => {
  const instant = new Date("2026-03-02T14:30:00Z");

  it.each([
    ["America/New_York", "Mon, Mar 2, 2026, 9:30 AM"],
    ["Europe/Paris", "Mon, Mar 2, 2026, 3:30 PM"],
    ["Asia/Kolkata", "Mon, Mar 2, 2026, 8:00 PM"],
  ])("shows %s wall-clock time", (zone, expected) => {
    expect(formatDateTime(instant, zone)).toBe(expected);
  });

  it.each([
    ["America/New_York", "Mar 2, 2026"],
    ["Pacific/Kiritimati", "Mar 3, 2026"], // UTC+14: already the next day
    ["Pacific/Pago_Pago", "Mar 2, 2026"], // UTC−11
  ])("gives the day as it is in %s", (zone, expected) => {
    expect(formatDate(new Date("2026-03-02T14:30:00Z"), zone)).toBe(expected);
  });

  it("puts a late-evening instant on the viewer's day, not the server's", () => {
    const lateInNewYork = new Date("2026-12-04T03:30:00Z"); // Dec 3, 10:30 PM in New York
    expect(formatDateTime(lateInNewYork, "America/New_York")).toBe("Thu, Dec 3, 2026, 10:30 PM");
    expect(formatDate(lateInNewYork, "America/New_York")).toBe("Dec 3, 2026");
    expect(formatDateTime(lateInNewYork, "UTC")).toBe("Fri, Dec 4, 2026, 3:30 AM");
  });

  it("shows a stored calendar date as the same day for every viewer, and leaves anything else alone", () => {
    expect(formatCalendarDate("2026-12-03")).toBe("Dec 3, 2026");
    expect(formatCalendarDate("2026-01-01")).toBe("Jan 1, 2026");
    expect(formatCalendarDate("2026-02-30")).toBe("2026-02-30");
    expect(formatCalendarDate("")).toBe("");
  });

  it("shares one shape between the day, the time and the whole instant", () => {
    const zone = "Europe/Paris";
    expect(formatDateTime(instant, zone)).toBe(`${formatDay(instant, zone)}, 2026, ${formatTime(instant, zone)}`);
  });

  it("names the zone as it is at that instant, across daylight saving", () => {
    expect(zoneAbbreviation(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe("EST");
    expect(zoneAbbreviation(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe("EDT");
  });

  it("formats a range with the zone", () => {
    expect(formatTimeRange(instant, new Date("2026-03-02T15:00:00Z"), "America/New_York")).toBe("9:30 AM – 10:00 AM EST");
  });

  it.each([
    [0, "12 AM"],
    [9 * 60, "9 AM"],
    [12 * 60, "12 PM"],
    [17 * 60 + 30, "5 PM"],
    [24 * 60, "12 AM"],
  ])("marks the hour of minute %i as %s", (minuteOfDay, expected) => {
    expect(formatHourMark(minuteOfDay)).toBe(expected);
  });
});

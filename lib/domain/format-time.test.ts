import { describe, expect, it } from "vitest";
import { formatDateTime, formatTimeRange, zoneAbbreviation } from "./format-time";

describe("formatting instants in a named zone", () => {
  const instant = new Date("2026-03-02T14:30:00Z");

  it.each([
    ["America/New_York", "Mon, Mar 2, 2026, 9:30 AM"],
    ["Europe/Paris", "Mon, Mar 2, 2026, 3:30 PM"],
    ["Asia/Kolkata", "Mon, Mar 2, 2026, 8:00 PM"],
  ])("shows %s wall-clock time", (zone, expected) => {
    expect(formatDateTime(instant, zone)).toBe(expected);
  });

  it("names the zone as it is at that instant, across daylight saving", () => {
    expect(zoneAbbreviation(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe("EST");
    expect(zoneAbbreviation(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe("EDT");
  });

  it("formats a range with the zone", () => {
    expect(formatTimeRange(instant, new Date("2026-03-02T15:00:00Z"), "America/New_York")).toBe("9:30 AM – 10:00 AM EST");
  });
});

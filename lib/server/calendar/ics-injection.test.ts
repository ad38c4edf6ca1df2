import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meetingsToIcs, type IcsMeeting } from "./ics";

/*
 * Free text in a calendar must never become structure: whatever a title, location or name
 * holds (rows stored before the schemas refused control characters included), the document
 * keeps exactly the events, organizers and attendees it was given.
 */

const base: IcsMeeting = {
  id: "8b0c5a4e-0f6e-4a53-9d0a-3f1f5c2b7a10",
  title: "Intro call",
  startsAt: new Date("2030-01-07T09:00:00Z"),
  endsAt: new Date("2030-01-07T09:30:00Z"),
  createdAt: new Date("2030-01-01T12:00:00Z"),
  location: "Room 1",
  host: { name: "Lukas Schmidt", email: "lukas@acme.test" },
  attendees: [{ name: "Alice Anderson", email: "alice@northwind.example" }],
};

/** The names of the properties, one per logical (unfolded) line. */
function propertyNames(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => line.split(/[;:]/, 1)[0] ?? "");
}

function count(names: string[], name: string): number {
  return names.filter((n) => n === name).length;
}

const INJECTION = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nATTENDEE;CN=Evil:mailto:evil@example.com\r\nSUMMARY:y";

describe("ICS documents keep free text as text", () => {
  it("a title with CR/LF and BEGIN:VEVENT does not add an event to the invite", () => {
    const ics = meetingsToIcs([{ ...base, title: INJECTION }], { name: INJECTION, method: "request" });
    const names = propertyNames(ics);
    expect(count(names, "BEGIN")).toBe(2);
    expect(count(names, "UID")).toBe(1);
    expect(count(names, "ATTENDEE")).toBe(1);
  });

  it("a user name with CR/LF does not add an attendee to a feed", () => {
    const host = { name: "Lukas\r\nATTENDEE;CN=Spy:mailto:spy@example.com", email: "lukas@acme.test" };
    const ics = meetingsToIcs([{ ...base, host }], { name: `${host.name} — meetings` });
    const names = propertyNames(ics);
    expect(count(names, "ATTENDEE")).toBe(1);
    expect(ics).not.toMatch(/^ATTENDEE;CN=Spy/m);
  });

  it("any text in any field leaves the structure as given (property)", () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom(INJECTION, "\n", "\r", "\u0085", "\u2028", '"', "\\", ";", ",", ":"));
    fc.assert(
      fc.property(text, text, text, text, text, (title, location, hostName, attendeeName, calendarName) => {
        const meeting = { ...base, title, location, host: { ...base.host, name: hostName }, attendees: [{ name: attendeeName, email: "alice@northwind.example" }] };
        const names = propertyNames(meetingsToIcs([meeting, { ...meeting, id: "2f5a1c3e-1111-4a53-9d0a-3f1f5c2b7a10" }], { name: calendarName }));
        expect(count(names, "BEGIN")).toBe(3);
        expect(count(names, "END")).toBe(3);
        expect(count(names, "UID")).toBe(2);
        expect(count(names, "ORGANIZER")).toBe(2);
        expect(count(names, "ATTENDEE")).toBe(2);
        expect(count(names, "X-WR-CALNAME")).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });
});

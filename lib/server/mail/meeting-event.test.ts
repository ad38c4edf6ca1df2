import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sampleMeetingEvent } from "@/test/meeting-event-fixture";
import { meetingEventIcs } from "./meeting-event";

const event = sampleMeetingEvent({ sequence: 3, title: "Intro call, with a comma; and a semicolon", location: "https://meet.example/abc" });

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  return { calendar, vevent: events[0]! };
}

function attendees(vevent: ICAL.Component) {
  return vevent.getAllProperties("attendee").map((p) => ({
    address: String(p.getFirstValue()).replace(/^mailto:/i, ""),
    cn: p.getParameter("cn"),
    partstat: p.getParameter("partstat"),
    rsvp: p.getParameter("rsvp"),
    role: p.getParameter("role"),
  }));
}

function utc(vevent: ICAL.Component, name: string) {
  const time = vevent.getFirstPropertyValue(name) as ICAL.Time;
  expect(time.zone?.tzid).toBe("UTC");
  return time.toJSDate().toISOString();
}

describe("meetingEventIcs", () => {
  it("REQUEST: the meeting's id as UID, its sequence, UTC times, host as organizer, attendees asked to answer", () => {
    const { calendar, vevent } = parse(meetingEventIcs(event, "REQUEST"));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(vevent.getFirstPropertyValue("uid")).toBe(event.id);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(3);
    expect(utc(vevent, "dtstart")).toBe("2026-12-08T13:00:00.000Z");
    expect(utc(vevent, "dtend")).toBe("2026-12-08T13:30:00.000Z");
    expect(utc(vevent, "dtstamp")).toBe("2026-12-01T09:15:00.000Z");
    expect(vevent.getFirstPropertyValue("summary")).toBe(event.title);
    expect(vevent.getFirstPropertyValue("location")).toBe(event.location);
    expect(vevent.getFirstPropertyValue("url")).toBe(event.recordUrl);
    expect(vevent.getFirstPropertyValue("description")).toContain(event.recordUrl);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    const organizer = vevent.getFirstProperty("organizer")!;
    expect(String(organizer.getFirstValue())).toMatch(/^mailto:lukas@acme\.test$/i);
    expect(organizer.getParameter("cn")).toBe("Lukas Schmidt");
    expect(attendees(vevent)).toEqual([
      { address: "alice@northwind.example", cn: "Alice Anderson", partstat: "NEEDS-ACTION", rsvp: "TRUE", role: "REQ-PARTICIPANT" },
      { address: "bob@northwind.example", cn: "Bob Brown", partstat: "NEEDS-ACTION", rsvp: "TRUE", role: "REQ-PARTICIPANT" },
    ]);
  });

  it("CANCEL: same UID and sequence, the event marked cancelled", () => {
    const { calendar, vevent } = parse(meetingEventIcs({ ...event, sequence: 4 }, "CANCEL"));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("uid")).toBe(event.id);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(4);
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(attendees(vevent).map((a) => a.address)).toEqual(["alice@northwind.example", "bob@northwind.example"]);
  });

  it("null: a plain calendar object for CalDAV, no METHOD, attendees left to us to invite", () => {
    const ics = meetingEventIcs(event, null);
    const { calendar, vevent } = parse(ics);
    expect(calendar.getFirstProperty("method")).toBeNull();
    expect(ics).not.toMatch(/^METHOD/m);
    expect(vevent.getFirstPropertyValue("uid")).toBe(event.id);
    expect(vevent.getAllProperties("attendee").map((p) => p.getParameter("schedule-agent"))).toEqual(["CLIENT", "CLIENT"]);
  });

  it("leaves the URL and DESCRIPTION out without a record link, and LOCATION without a location", () => {
    const { vevent } = parse(meetingEventIcs({ ...event, recordUrl: null, location: null }, "REQUEST"));
    expect(vevent.getFirstProperty("url")).toBeNull();
    expect(vevent.getFirstProperty("description")).toBeNull();
    expect(vevent.getFirstProperty("location")).toBeNull();
  });

  it("a CR/LF in a title, location or name cannot add a property, an attendee or an event", () => {
    const injection = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nATTENDEE;CN=Evil:mailto:evil@example.com\r\nMETHOD:PUBLISH\r\nSUMMARY:y";
    const ics = meetingEventIcs(
      {
        ...event,
        title: injection,
        location: injection,
        recordUrl: `https://crm.example/x\r\nATTENDEE:mailto:evil@example.com`,
        organizer: { name: `Lukas\nATTENDEE:mailto:evil@example.com`, email: "lukas@acme.test" },
        attendees: [{ name: `Alice\u2028ATTENDEE:mailto:evil@example.com`, email: "alice@northwind.example" }],
      },
      "REQUEST",
    );
    const { calendar, vevent } = parse(ics);
    expect(calendar.getAllProperties("method").map((p) => p.getFirstValue())).toEqual(["REQUEST"]);
    expect(vevent.getAllProperties("uid")).toHaveLength(1);
    expect(vevent.getFirstPropertyValue("uid")).toBe(event.id);
    expect(attendees(vevent).map((a) => a.address)).toEqual(["alice@northwind.example"]);
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(unfolded.match(/^ATTENDEE/gm)).toHaveLength(1);
    expect(unfolded.match(/^UID/gm)).toHaveLength(1);
    expect(unfolded.match(/^METHOD/gm)).toHaveLength(1);
    expect(vevent.getFirstPropertyValue("summary")).toContain("END:VEVENT");
  });

  it("a double quote in a name cannot end the CN parameter and change the address", () => {
    const name = 'Alice "Al" Anderson, PhD":mailto:evil@example.com;X-A="';
    const ics = meetingEventIcs({ ...event, organizer: { name, email: "lukas@acme.test" }, attendees: [{ name, email: "alice@northwind.example" }] }, "REQUEST");
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    // Strict parsers take the first DQUOTE after the opening one as the end of the value.
    expect(unfolded).toMatch(/^ATTENDEE;[^\r\n]*CN="[^"]*":MAILTO:alice@northwind\.example\r$/m);
    expect(unfolded).toMatch(/^ORGANIZER;CN="[^"]*":mailto:lukas@acme\.test\r$/m);
    const { vevent } = parse(ics);
    expect(attendees(vevent)).toEqual([expect.objectContaining({ address: "alice@northwind.example", cn: "Alice 'Al' Anderson, PhD':mailto:evil@example.com;X-A='" })]);
  });
});

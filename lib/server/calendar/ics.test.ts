import { describe, expect, it } from "vitest";
import { meetingsToIcs, type IcsMeeting } from "./ics";

const meeting: IcsMeeting = {
  id: "8b0c5a4e-0f6e-4a53-9d0a-3f1f5c2b7a10",
  title: "Intro call, with a comma; and a semicolon",
  startsAt: new Date("2030-01-07T09:00:00Z"),
  endsAt: new Date("2030-01-07T09:30:00Z"),
  createdAt: new Date("2030-01-01T12:00:00Z"),
  location: "https://meet.example/abc",
  host: { name: "Lukas Schmidt", email: "lukas@acme.test" },
  attendees: [
    { name: "Alice Anderson", email: "alice@northwind.example" },
    { name: "No Email", email: null },
  ],
};

/** Unfolds RFC 5545 continuation lines so assertions can read whole properties. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("ICS invites", () => {
  it("describes the meeting in UTC with its host, attendees, location and a stable UID", () => {
    const ics = unfold(meetingsToIcs([meeting], { name: "Invite", method: "request" }));
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:${meeting.id}@meeting-rotations`);
    expect(ics).toContain("DTSTART:20300107T090000Z");
    expect(ics).toContain("DTEND:20300107T093000Z");
    expect(ics).toContain("SUMMARY:Intro call\\, with a comma\\; and a semicolon");
    expect(ics).toContain("LOCATION:https://meet.example/abc");
    expect(ics).toMatch(/ORGANIZER;CN="?Lukas Schmidt"?:mailto:lukas@acme.test/);
    expect(ics).toMatch(/ATTENDEE;[^\r\n]*CN="?Alice Anderson"?[^\r\n]*:MAILTO:alice@northwind.example/i);
    // An attendee without an address cannot be invited, so is left out rather than made up.
    expect(ics).not.toContain("No Email");
  });

  it("publishes a feed with one event per meeting", () => {
    const second = { ...meeting, id: "2f5a1c3e-1111-4a53-9d0a-3f1f5c2b7a10", startsAt: new Date("2030-01-08T10:00:00Z"), endsAt: new Date("2030-01-08T10:45:00Z") };
    const ics = unfold(meetingsToIcs([meeting, second], { name: "Lukas — meetings" }));
    expect(ics).toContain("METHOD:PUBLISH");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain("DTSTART:20300108T100000Z");
  });
});

import "server-only";
import ical, { ICalCalendarMethod } from "ical-generator";

export interface IcsMeeting {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  location: string | null;
  host: { name: string; email: string };
  attendees: Array<{ name: string; email: string | null }>;
}

/**
 * Control characters (CR/LF above all) and Unicode line separators turned into spaces. The
 * schemas refuse them, but rows stored before that rule, and names better-auth wrote, can
 * still hold them; ical-generator writes some values (the calendar name) without escaping,
 * so a line break there would start a property or an event of the sender's choosing.
 */
export function icsText(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]/gu, " ");
}

/** An iCalendar document for one invite or a whole feed; times in UTC, as stored. */
export function meetingsToIcs(meetings: IcsMeeting[], options: { name: string; method?: "request" | "publish" }): string {
  const calendar = ical({
    name: icsText(options.name).trim() || "Meetings",
    prodId: { company: "Meeting Rotations", product: "meeting-rotations", language: "EN" },
    method: options.method === "request" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
  });
  for (const m of meetings) {
    calendar.createEvent({
      id: `${m.id}@meeting-rotations`,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.createdAt,
      summary: icsText(m.title),
      location: m.location === null ? null : icsText(m.location),
      // ical-generator refuses an organizer without a name; the address stands in for it.
      organizer: { name: icsText(m.host.name).trim() || m.host.email, email: icsText(m.host.email) },
      attendees: m.attendees.filter((a) => a.email).map((a) => ({ name: icsText(a.name), email: icsText(a.email ?? "") })),
    });
  }
  return calendar.toString();
}

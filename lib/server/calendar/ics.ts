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

/** An iCalendar document for one invite or a whole feed; times in UTC, as stored. */
export function meetingsToIcs(meetings: IcsMeeting[], options: { name: string; method?: "request" | "publish" }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "Meeting Rotations", product: "meeting-rotations", language: "EN" },
    method: options.method === "request" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
  });
  for (const m of meetings) {
    calendar.createEvent({
      id: `${m.id}@meeting-rotations`,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.createdAt,
      summary: m.title,
      location: m.location,
      organizer: { name: m.host.name, email: m.host.email },
      attendees: m.attendees.filter((a) => a.email).map((a) => ({ name: a.name, email: a.email ?? "" })),
    });
  }
  return calendar.toString();
}

import "server-only";
import ical, { ICalAttendeeRole, type ICalAttendeeScheduleAgent, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { icsText } from "@/lib/server/calendar/ics";

/** One meeting as every copy of it is written: the invitations and the host's CalDAV calendar. */
export interface MeetingEvent {
  /** The meeting's id, used as the UID exactly, so every copy and every update is one event. */
  id: string;
  /** Raised on every change (a reassignment), so a newer REQUEST or CANCEL wins over an older one. */
  sequence: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** DTSTAMP: when this version of the event was made. */
  stampedAt: Date;
  location: string | null;
  /** Link back to the CRM record: the URL property and a line of the DESCRIPTION. */
  recordUrl: string | null;
  /** The host. */
  organizer: { name: string; email: string };
  attendees: Array<{ name: string; email: string }>;
}

export type ItipMethod = "REQUEST" | "CANCEL";

/**
 * A name for a CN parameter. RFC 5545 allows no DQUOTE inside a quoted parameter value and
 * ical-generator writes it as \", which a strict parser reads as the end of the value: a name
 * holding `":mailto:someone@else` would then change the address. Quotes become apostrophes.
 */
function icsParam(value: string): string {
  return icsText(value).replace(/"/g, "'").trim();
}

/**
 * The meeting as an iCalendar document, times in UTC. With a method it is an iTIP message
 * (RFC 5546) for mail; with `null` it is the plain calendar object a CalDAV PUT stores, whose
 * attendees carry SCHEDULE-AGENT=CLIENT: we send the invitations ourselves, so a server that
 * schedules implicitly (RFC 6638) must not mail them a second time.
 */
export function meetingEventIcs(event: MeetingEvent, method: ItipMethod | null): string {
  const calendar = ical({
    prodId: { company: "Meeting Rotations", product: "meeting-rotations", language: "EN" },
    method: method === null ? null : method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  const recordUrl = event.recordUrl === null ? null : icsText(event.recordUrl).trim() || null;
  calendar.createEvent({
    id: icsText(event.id),
    sequence: event.sequence,
    start: event.startsAt,
    end: event.endsAt,
    stamp: event.stampedAt,
    summary: icsText(event.title),
    location: event.location === null ? null : icsText(event.location),
    url: recordUrl,
    description: recordUrl === null ? null : `CRM record: ${recordUrl}`,
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // ical-generator refuses an organizer without a name; the address stands in for it.
    organizer: { name: icsParam(event.organizer.name) || icsParam(event.organizer.email), email: icsText(event.organizer.email) },
    attendees: event.attendees.map((a) => ({
      name: icsParam(a.name) || null,
      email: icsText(a.email),
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === "REQUEST" ? true : null,
      // The enum is exported as a type only; its value is the RFC 6638 keyword.
      scheduleAgent: method === null ? ("CLIENT" as ICalAttendeeScheduleAgent) : null,
    })),
  });
  return calendar.toString();
}

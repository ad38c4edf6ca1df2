import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarConnections, contacts, meetingAttendees, meetings, users } from "@/db/schema";
import { recordHref } from "@/lib/domain/records";
import { env } from "@/lib/env";
import type { MeetingEvent } from "@/lib/server/mail/meeting-event";

export interface Person {
  userId: string;
  name: string;
  email: string;
  timeZone: string;
  /** Their CalDAV connection, where meetings are written back (C4); iCal addresses are read-only. */
  caldavConnectionId: string | null;
}

export interface MeetingForOutbox {
  event: MeetingEvent;
  host: Person;
}

/** The app's address for links in invitations: the URL it is served at. */
function appUrl(): string | null {
  return env().BETTER_AUTH_URL ?? null;
}

/** Users with what invitations and write-back need: two lookups for any number of them. */
export async function loadPeople(tx: Database, userIds: readonly string[]): Promise<Map<string, Person>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ userId: users.id, name: users.name, email: users.email, timeZone: users.timeZone, caldavConnectionId: calendarConnections.id })
    .from(users)
    .leftJoin(calendarConnections, and(eq(calendarConnections.userId, users.id), eq(calendarConnections.kind, "caldav")))
    .where(inArray(users.id, [...new Set(userIds)]));
  return new Map(rows.map((row) => [row.userId, row]));
}

/** The meetings as calendar events (C4, C5), with their hosts, as they are now in this transaction. */
export async function loadMeetingsForOutbox(tx: Database, meetingIds: readonly string[]): Promise<MeetingForOutbox[]> {
  if (meetingIds.length === 0) return [];
  const [rows, attendeeRows] = await Promise.all([
    tx.select().from(meetings).where(inArray(meetings.id, [...meetingIds])),
    tx
      .select({ meetingId: meetingAttendees.meetingId, firstName: contacts.firstName, lastName: contacts.lastName, email: contacts.email })
      .from(meetingAttendees)
      .innerJoin(contacts, eq(contacts.id, meetingAttendees.contactId))
      .where(and(inArray(meetingAttendees.meetingId, [...meetingIds]), sql`${contacts.email} is not null`)),
  ]);
  const people = await loadPeople(tx, rows.map((m) => m.hostUserId));
  const base = appUrl();
  return rows.flatMap((m) => {
    const host = people.get(m.hostUserId);
    if (!host) return [];
    const attendees = attendeeRows
      .filter((a) => a.meetingId === m.id)
      .map((a) => ({ name: `${a.firstName} ${a.lastName}`.trim(), email: a.email ?? "" }));
    const event: MeetingEvent = {
      id: m.id,
      sequence: m.sequence,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      stampedAt: new Date(),
      location: m.location,
      recordUrl: base ? new URL(recordHref(m.recordType, m.recordId), base).toString() : null,
      organizer: { name: host.name, email: host.email },
      attendees,
    };
    return [{ event, host }];
  });
}

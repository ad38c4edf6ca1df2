import "server-only";
import { and, eq, gte, inArray, isNull, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { contacts, meetingAttendees, meetings, users } from "@/db/schema";
import type { IcsMeeting } from "./ics";

/** Meetings with host and attendee addresses, ready for an ICS document. */
export async function loadIcsMeetings(db: Database, where: SQL | undefined): Promise<IcsMeeting[]> {
  const rows = await db
    .select({ meeting: meetings, hostName: users.name, hostEmail: users.email })
    .from(meetings)
    .innerJoin(users, eq(users.id, meetings.hostUserId))
    .where(and(isNull(meetings.deletedAt), where))
    .orderBy(meetings.startsAt)
    .limit(2000);
  const ids = rows.map((r) => r.meeting.id);
  const people = ids.length
    ? await db
        .select({ meetingId: meetingAttendees.meetingId, firstName: contacts.firstName, lastName: contacts.lastName, email: contacts.email })
        .from(meetingAttendees)
        .innerJoin(contacts, eq(contacts.id, meetingAttendees.contactId))
        .where(inArray(meetingAttendees.meetingId, ids))
    : [];
  return rows.map(({ meeting, hostName, hostEmail }) => ({
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    createdAt: meeting.createdAt,
    location: meeting.location,
    host: { name: hostName, email: hostEmail },
    attendees: people.filter((p) => p.meetingId === meeting.id).map((p) => ({ name: `${p.firstName} ${p.lastName}`, email: p.email })),
  }));
}

export const byMeetingId = (id: string) => eq(meetings.id, id);
/** A feed covers the last 30 days and everything ahead. */
export const hostFeed = (userId: string, now: Date) =>
  and(eq(meetings.hostUserId, userId), gte(meetings.endsAt, new Date(now.getTime() - 30 * 86_400_000)));

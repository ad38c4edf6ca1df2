import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, rotations, users } from "@/db/schema";
import type { RecordType } from "@/lib/domain/records";
import type { MeetingOutcome } from "@/lib/domain/rotation-settings";

export interface TimelineMeeting {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  hostUserId: string;
  hostName: string;
  bookedByUserId: string;
  bookedByName: string;
  rotationId: string | null;
  rotationName: string | null;
  outcome: MeetingOutcome | null;
}

/**
 * The live meetings booked from a record, latest start first (§4 timeline): what was just
 * booked or is coming up reads at the top, and a long history trails below. The id breaks
 * ties so two meetings at the same time keep one order across reloads.
 */
export async function listRecordMeetings(db: Database, type: RecordType, recordId: string): Promise<TimelineMeeting[]> {
  const host = alias(users, "host");
  const booker = alias(users, "booker");
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      location: meetings.location,
      hostUserId: meetings.hostUserId,
      hostName: host.name,
      bookedByUserId: meetings.bookedByUserId,
      bookedByName: booker.name,
      rotationId: meetings.rotationId,
      rotationName: rotations.name,
      outcome: meetings.outcome,
    })
    .from(meetings)
    .innerJoin(host, eq(host.id, meetings.hostUserId))
    .innerJoin(booker, eq(booker.id, meetings.bookedByUserId))
    .leftJoin(rotations, eq(rotations.id, meetings.rotationId))
    .where(and(eq(meetings.recordType, type), eq(meetings.recordId, recordId), isNull(meetings.deletedAt)))
    .orderBy(desc(meetings.startsAt), desc(meetings.id));
}

import { and, gt, inArray, isNull, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { busyBlocks, meetings } from "@/db/schema";
import type { Interval } from "@/lib/domain/slots";

export interface BusyInterval extends Interval {
  userId: string;
  kind: "meeting" | "busy";
  title: string | null;
}

/**
 * A host's busy time between two instants: their live meetings plus the busy blocks of
 * their connected calendar (§3). Both lookups use (user, start) indexes.
 */
export async function loadBusyIntervals(db: Database, userIds: readonly string[], from: Date, to: Date): Promise<BusyInterval[]> {
  const [booked, blocked] = [await loadMeetingIntervals(db, userIds, from, to), await loadBlockIntervals(db, userIds, from, to)];
  return [...booked, ...blocked].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Live meetings hosted by these users that overlap [from, to). */
export async function loadMeetingIntervals(db: Database, userIds: readonly string[], from: Date, to: Date): Promise<BusyInterval[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: meetings.hostUserId, start: meetings.startsAt, end: meetings.endsAt, title: meetings.title })
    .from(meetings)
    .where(and(inArray(meetings.hostUserId, [...userIds]), isNull(meetings.deletedAt), lt(meetings.startsAt, to), gt(meetings.endsAt, from)));
  return rows.map((row) => ({ ...row, kind: "meeting" as const }));
}

/** Busy blocks from these users' connected calendars that overlap [from, to). */
export async function loadBlockIntervals(db: Database, userIds: readonly string[], from: Date, to: Date): Promise<BusyInterval[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: busyBlocks.userId, start: busyBlocks.startsAt, end: busyBlocks.endsAt, title: busyBlocks.summary })
    .from(busyBlocks)
    .where(and(inArray(busyBlocks.userId, [...userIds]), lt(busyBlocks.startsAt, to), gt(busyBlocks.endsAt, from)));
  return rows.map((row) => ({ ...row, kind: "busy" as const }));
}

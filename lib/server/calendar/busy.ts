import "server-only";
import { and, gt, inArray, isNull, lt, or, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Database } from "@/db/client";
import { busyBlocks, meetings } from "@/db/schema";
import { MEETING_DURATIONS, type Interval } from "@/lib/domain/slots";

export interface BusyInterval extends Interval {
  userId: string;
  kind: "meeting" | "busy";
  title: string | null;
}

/** Whose calendars to read: user ids, or a subquery selecting them (read in the same statement). */
export type Hosts = readonly string[] | SQLWrapper;

/**
 * A host's busy time between two instants: their live meetings plus the busy blocks of
 * their connected calendar (§3). Both lookups use (user, start) indexes.
 */
export async function loadBusyIntervals(db: Database, userIds: readonly string[], from: Date, to: Date): Promise<BusyInterval[]> {
  const windows = [{ start: from, end: to }];
  const [booked, blocked] = [await loadMeetingIntervals(db, userIds, windows), await loadBlockIntervals(db, userIds, windows)];
  return [...booked, ...blocked].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * How far before a window a meeting that overlaps it can start. No meeting is longer than the
 * longest bookable duration; a day's margin keeps the bound safe for any imported data. Without
 * this lower bound the (host, start) index is read from a host's first meeting ever, and a
 * proposal at a time slows with the size of the history.
 */
const MEETING_LOOKBACK_MS = Math.max(24 * 60, ...MEETING_DURATIONS) * 60_000;

/** Live meetings hosted by these users that overlap any of the windows. */
export async function loadMeetingIntervals(db: Database, hosts: Hosts, windows: readonly Interval[]): Promise<BusyInterval[]> {
  if (isEmpty(hosts) || windows.length === 0) return [];
  const startsNearAny = or(...windows.map((w) => and(gt(meetings.startsAt, new Date(w.start.getTime() - MEETING_LOOKBACK_MS)), lt(meetings.startsAt, w.end))));
  const rows = await db
    .select({ userId: meetings.hostUserId, start: meetings.startsAt, end: meetings.endsAt, title: meetings.title })
    .from(meetings)
    .where(and(inArray(meetings.hostUserId, hostList(hosts)), isNull(meetings.deletedAt), startsNearAny, overlapsAny(meetings, windows)));
  return rows.map((row) => ({ ...row, kind: "meeting" as const }));
}

/** Busy blocks from these users' connected calendars that overlap any of the windows. */
export async function loadBlockIntervals(db: Database, hosts: Hosts, windows: readonly Interval[]): Promise<BusyInterval[]> {
  if (isEmpty(hosts) || windows.length === 0) return [];
  const rows = await db
    .select({ userId: busyBlocks.userId, start: busyBlocks.startsAt, end: busyBlocks.endsAt, title: busyBlocks.summary })
    .from(busyBlocks)
    .where(and(inArray(busyBlocks.userId, hostList(hosts)), overlapsAny(busyBlocks, windows)));
  return rows.map((row) => ({ ...row, kind: "busy" as const }));
}

function isEmpty(hosts: Hosts): boolean {
  return Array.isArray(hosts) && hosts.length === 0;
}

function hostList(hosts: Hosts): string[] | SQLWrapper {
  return Array.isArray(hosts) ? [...(hosts as readonly string[])] : (hosts as SQLWrapper);
}

/** [start, end) overlaps at least one window; each term can use the (user, start) index. */
function overlapsAny(table: typeof meetings | typeof busyBlocks, windows: readonly Interval[]): SQL | undefined {
  return or(...windows.map((w) => and(lt(table.startsAt, w.end), gt(table.endsAt, w.start))));
}

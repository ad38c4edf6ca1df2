import "server-only";
import { and, asc, eq, getTableColumns, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarConnections, meetings, rotationMembers, rotations, users, type Rotation } from "@/db/schema";
import { countFromLedger } from "@/lib/domain/ledger";
import { ineligibilityReasons } from "@/lib/domain/permissions";
import type { RankingCandidate } from "@/lib/domain/ranking";

export interface LockedRotation extends Rotation {
  /** The database's clock once the lock was granted: later than every write it waited for. */
  lockedAt: Date;
}

/**
 * Locks one rotation row for the rest of the transaction. Every write that touches a
 * rotation's members, counts or meetings takes this lock first, so they are serialized per
 * rotation (R11) while different rotations proceed in parallel.
 */
export async function lockRotation(tx: Database, rotationId: string): Promise<LockedRotation | undefined> {
  const [row] = await tx
    .select({ ...getTableColumns(rotations), lockedAt: sql<Date>`clock_timestamp()`.mapWith(rotations.createdAt) })
    .from(rotations)
    .where(eq(rotations.id, rotationId))
    .for("update");
  return row;
}

/** Locks several rotations in id order, the one order every writer uses, so none deadlock. */
export async function lockRotations(tx: Database, rotationIds: readonly string[]): Promise<Rotation[]> {
  if (rotationIds.length === 0) return [];
  return tx
    .select()
    .from(rotations)
    .where(inArray(rotations.id, [...rotationIds]))
    .orderBy(asc(rotations.id))
    .for("update");
}

export async function findRotation(db: Database, rotationId: string): Promise<Rotation | undefined> {
  const [row] = await db.select().from(rotations).where(eq(rotations.id, rotationId));
  return row;
}

/** A candidate with the member's own zone, in which caps count days, weeks and months (R18). */
export type StoredCandidate = RankingCandidate & { timeZone: string };

/**
 * The current members with what the ranking needs, their count as kept (the ledger's sum
 * since the last reset): 1 row per member, never the history. Windows, calibrations and
 * skips are applied on top by lib/server/fairness/member-state.ts.
 */
export async function loadCandidates(db: Database, rotationId: string): Promise<StoredCandidate[]> {
  const rows = await db
    .select({
      userId: rotationMembers.userId,
      name: users.name,
      timeZone: users.timeZone,
      available: rotationMembers.available,
      weight: rotationMembers.weight,
      joinedAt: rotationMembers.joinedAt,
      count: rotationMembers.bookedCount,
      lastScheduledAt: rotationMembers.lastScheduledAt,
      lastScheduledSeq: rotationMembers.lastScheduledSeq,
      active: users.active,
      seatAssigned: users.seatAssigned,
      calendarConnected: users.calendarConnected,
      calendarSyncEnabled: users.calendarSyncEnabled,
      calendarFailingSince: calendarConnections.failingSince,
    })
    .from(rotationMembers)
    .innerJoin(users, eq(users.id, rotationMembers.userId))
    .leftJoin(calendarConnections, eq(calendarConnections.userId, rotationMembers.userId))
    .where(eq(rotationMembers.rotationId, rotationId));
  return rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    timeZone: row.timeZone,
    available: row.available,
    weight: row.weight,
    joinedAt: row.joinedAt,
    count: countFromLedger(row.count),
    lastScheduledAt: row.lastScheduledAt,
    lastScheduledSeq: row.lastScheduledSeq,
    ineligibleReasons: ineligibilityReasons(row),
  }));
}

/**
 * A member's recency (R8) as SQL expressions for the caller's insert or update: the number
 * and counting time (booking or reassignment, R19) of their latest live meeting in this
 * rotation, over all time. It stays in
 * the database on purpose: read into a JS Date the time would lose PostgreSQL's microseconds,
 * and the stored value would drift from its derivation.
 */
export function latestScheduledSql(rotationId: string, hostUserId: string): { lastScheduledSeq: SQL<number | null>; lastScheduledAt: SQL<Date | null> } {
  const live = and(eq(meetings.rotationId, rotationId), eq(meetings.hostUserId, hostUserId), isNull(meetings.deletedAt));
  const lastScheduledSeq = sql<number | null>`(select max(${meetings.rotationSeq}) from ${meetings} where ${live})`;
  return {
    lastScheduledSeq,
    lastScheduledAt: sql<Date | null>`(select ${meetings.countedAt} from ${meetings} where ${eq(meetings.rotationId, rotationId)} and ${meetings.rotationSeq} = ${lastScheduledSeq})`,
  };
}

import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { expect } from "vitest";
import type { Database } from "@/db/client";
import { rotationMembers } from "@/db/schema";
import type { Result } from "@/lib/domain/result";

/** The value of a Result that must have succeeded; a failure shows its code and message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface DerivedCounts {
  rotationId: string;
  userId: string;
  bookedCount: number;
  derivedCount: number;
  lastScheduledSeq: number | null;
  derivedLastScheduledSeq: number | null;
  /** Timestamps as PostgreSQL text, to the microsecond: a JS Date would hide drift below 1 ms. */
  lastScheduledAt: string | null;
  derivedLastScheduledAt: string | null;
}

/**
 * Every member's stored count and recency beside their derivation: count = the sum of their
 * ledger entries in the rotation's current reset generation (R13, R7); last scheduled = the
 * latest counting time (and rotation number) of a live meeting they host, over all time (R8).
 */
export async function derivedCounts(db: Database, rotationId?: string): Promise<DerivedCounts[]> {
  // The subqueries name the outer row through its alias, spelled out: drizzle writes a lone
  // table's columns unqualified, and `rotation_id` inside them would mean the meeting's own.
  const rm = alias(rotationMembers, "rm");
  return db
    .select({
      rotationId: rm.rotationId,
      userId: rm.userId,
      bookedCount: rm.bookedCount,
      // R13: the ledger's sum in the current generation.
      derivedCount: sql<number>`(
        select coalesce(sum(e.delta), 0)::int from count_entries e join rotations r on r.id = e.rotation_id
        where e.rotation_id = rm.rotation_id and e.user_id = rm.user_id and e.generation = r.reset_generation)`.mapWith(Number),

      lastScheduledSeq: rm.lastScheduledSeq,
      derivedLastScheduledSeq: sql<number | null>`(
        select max(m.rotation_seq) from meetings m
        where m.rotation_id = rm.rotation_id and m.host_user_id = rm.user_id
          and m.deleted_at is null)`,
      lastScheduledAt: sql<string | null>`${rm.lastScheduledAt}::text`,
      derivedLastScheduledAt: sql<string | null>`(
        select max(m.counted_at)::text from meetings m
        where m.rotation_id = rm.rotation_id and m.host_user_id = rm.user_id
          and m.deleted_at is null)`,
    })
    .from(rm)
    .where(rotationId ? eq(rm.rotationId, rotationId) : undefined)
    .orderBy(asc(rm.rotationId), asc(rm.userId));
}

/**
 * Asserts that the kept counts equal their derivation for every member (of one rotation, or
 * all), and returns the counts by user id for the caller's own expectations.
 */
export async function expectCountsDerived(db: Database, rotationId?: string): Promise<Record<string, number>> {
  const rows = await derivedCounts(db, rotationId);
  const stored = rows.map((r) => ({ rotationId: r.rotationId, userId: r.userId, count: r.bookedCount, last: r.lastScheduledAt, seq: r.lastScheduledSeq }));
  const derived = rows.map((r) => ({ rotationId: r.rotationId, userId: r.userId, count: r.derivedCount, last: r.derivedLastScheduledAt, seq: r.derivedLastScheduledSeq }));
  expect(stored).toEqual(derived);
  return Object.fromEntries(rows.map((r) => [r.userId, r.bookedCount]));
}

/** Members' counts by user id, straight from rotation_members. */
export async function storedCounts(db: Database, rotationId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ userId: rotationMembers.userId, count: rotationMembers.bookedCount })
    .from(rotationMembers)
    .where(eq(rotationMembers.rotationId, rotationId));
  return Object.fromEntries(rows.map((r) => [r.userId, r.count]));
}

import "server-only";
import { and, eq, gte, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { countEntries, meetings, outOfOfficePeriods, rotationMembers, unavailablePeriods, type Rotation } from "@/db/schema";
import { keepLevelPeriods, type KeepLevelPeriod } from "@/lib/domain/calibration";
import { countFromLedger } from "@/lib/domain/ledger";
import { countWindowStart, type RotationSettings } from "@/lib/domain/rotation-settings";
import type { Interval } from "@/lib/domain/slots";

export interface MemberCount {
  /** The count ranked and shown: the ledger in the window plus keep-level calibrations, never below zero. */
  count: number;
  /** Keep level's calibrations (R16), derived from the data whenever asked. */
  keepLevel: KeepLevelPeriod[];
}

/**
 * Every member's count under the given settings (R13, R14, R16): the rotation's own, or ones
 * an admin is about to save, to say what the change would do. Since the last reset it is the
 * kept sum (one row per member); a monthly window sums the month's ledger entries.
 */
export async function loadCounts(db: Database, rotation: Rotation, settings: RotationSettings, now: Date): Promise<Map<string, MemberCount>> {
  const window = { start: countWindowStart(settings, rotation.countsResetAt, now), now };
  // One round trip for what does not depend on anything else; keep level's meetings follow
  // only when somebody was away.
  const [members, windowed, away] = await Promise.all([
    db
      .select({ userId: rotationMembers.userId, kept: rotationMembers.bookedCount, joinedAt: rotationMembers.joinedAt })
      .from(rotationMembers)
      .where(eq(rotationMembers.rotationId, rotation.id)),
    settings.countWindow === "since_reset" ? Promise.resolve(null) : windowSums(db, rotation, window.start),
    settings.returnPolicy === "keep_level" ? awayPeriods(db, rotation.id, window) : Promise.resolve([]),
  ]);
  const sums = windowed ?? new Map(members.map((m) => [m.userId, m.kept]));
  const calibrations = away.length > 0 ? await keepLevel(db, rotation.id, members, away, window) : new Map<string, KeepLevelPeriod[]>();
  return new Map(
    members.map((m) => {
      const keep = calibrations.get(m.userId) ?? [];
      const adjustment = keep.reduce((sum, p) => sum + p.adjustment, 0);
      return [m.userId, { count: countFromLedger((sums.get(m.userId) ?? 0) + adjustment), keepLevel: keep }];
    }),
  );
}

/** The ledger's sums of the current generation from the window's start (R14). */
async function windowSums(db: Database, rotation: Rotation, windowStart: Date): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: countEntries.userId, sum: sql<number>`sum(${countEntries.delta})`.mapWith(Number) })
    .from(countEntries)
    .where(and(eq(countEntries.rotationId, rotation.id), eq(countEntries.generation, rotation.resetGeneration), gte(countEntries.countsAt, windowStart)))
    .groupBy(countEntries.userId);
  return new Map(rows.map((r) => [r.userId, r.sum]));
}

interface AwayPeriod extends Interval {
  userId: string;
}

/** Periods members spent out of office or switched unavailable that ended within the window (R16). */
async function awayPeriods(db: Database, rotationId: string, window: { start: Date; now: Date }): Promise<AwayPeriod[]> {
  const ofRotation = db.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
  const [away, switchedOff] = await Promise.all([
    db
      .select({ userId: outOfOfficePeriods.userId, start: outOfOfficePeriods.startsAt, end: outOfOfficePeriods.endsAt })
      .from(outOfOfficePeriods)
      .where(and(sql`${outOfOfficePeriods.userId} in ${ofRotation}`, gte(outOfOfficePeriods.endsAt, window.start), lte(outOfOfficePeriods.endsAt, window.now))),
    db
      .select({ userId: unavailablePeriods.userId, start: unavailablePeriods.startedAt, end: sql<Date>`${unavailablePeriods.endedAt}`.mapWith(unavailablePeriods.startedAt) })
      .from(unavailablePeriods)
      .where(and(eq(unavailablePeriods.rotationId, rotationId), isNotNull(unavailablePeriods.endedAt), gte(unavailablePeriods.endedAt, window.start), lte(unavailablePeriods.endedAt, window.now))),
  ]);
  return [...away, ...switchedOff];
}

/**
 * Keep level (R16): for each period a member was away, what the rotation booked for the
 * others meanwhile. A period counts from when they joined: meetings before that were never
 * theirs to share.
 */
async function keepLevel(
  db: Database,
  rotationId: string,
  members: ReadonlyArray<{ userId: string; joinedAt: Date }>,
  away: readonly AwayPeriod[],
  window: { start: Date; now: Date },
): Promise<Map<string, KeepLevelPeriod[]>> {
  const joined = new Map(members.map((m) => [m.userId, m.joinedAt]));
  const periods = new Map<string, Interval[]>();
  for (const p of away) {
    const since = joined.get(p.userId);
    if (!since) continue;
    const start = p.start.getTime() > since.getTime() ? p.start : since;
    if (start.getTime() < p.end.getTime()) periods.set(p.userId, [...(periods.get(p.userId) ?? []), { start, end: p.end }]);
  }
  if (periods.size === 0) return new Map();

  const earliest = new Date(Math.min(...[...periods.values()].flat().map((p) => p.start.getTime())));
  const booked = await db
    .select({ hostUserId: meetings.hostUserId, countedAt: meetings.countedAt })
    .from(meetings)
    .where(and(eq(meetings.rotationId, rotationId), isNull(meetings.deletedAt), gte(meetings.countedAt, earliest), lte(meetings.countedAt, window.now)));
  const others = members.length - 1;
  return new Map(
    [...periods].map(([userId, ps]) => [
      userId,
      keepLevelPeriods(ps, window, booked.filter((b) => b.hostUserId !== userId).map((b) => b.countedAt), others),
    ]),
  );
}

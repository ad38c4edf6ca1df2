import "server-only";
import { and, eq, gt, gte, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, outOfOfficePeriods, rotationMembers } from "@/db/schema";
import { capLookaround } from "@/lib/domain/caps";
import type { Caps } from "@/lib/domain/rotation-settings";
import type { Interval } from "@/lib/domain/slots";

export interface SkipData {
  outOfOffice: Map<string, Interval[]>;
  bookedStarts: Map<string, Date[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What the fairness controls need to know about a rotation's members around now and the
 * given times: their out-of-office periods (R16) and, when a cap is set, the starts of their
 * meetings booked through the rotation (R18). Two small indexed reads, sent together.
 */
export async function loadSkipData(db: Database, rotationId: string, caps: Caps, now: Date, times: readonly Interval[]): Promise<SkipData> {
  const around = [{ start: now, end: now }, ...times];
  const from = new Date(Math.min(...around.map((t) => t.start.getTime())));
  const to = new Date(Math.max(...around.map((t) => t.end.getTime())) + 1);
  const members = db.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
    const lookaround = capLookaround(caps, times.length > 0 ? times : [{ start: now, end: now }]);
  const [periods, starts] = await Promise.all([
    db
      .select({ userId: outOfOfficePeriods.userId, start: outOfOfficePeriods.startsAt, end: outOfOfficePeriods.endsAt })
      .from(outOfOfficePeriods)
      .where(and(sql`${outOfOfficePeriods.userId} in ${members}`, gt(outOfOfficePeriods.endsAt, from), lt(outOfOfficePeriods.startsAt, to))),
    lookaround
      ? db
          .select({ userId: meetings.hostUserId, start: meetings.startsAt })
          .from(meetings)
          .where(and(eq(meetings.rotationId, rotationId), isNull(meetings.deletedAt), gte(meetings.startsAt, lookaround.start), lt(meetings.startsAt, lookaround.end)))
      : Promise.resolve([]),
  ]);
  const data: SkipData = { outOfOffice: new Map(), bookedStarts: new Map() };
  for (const p of periods) push(data.outOfOffice, p.userId, { start: p.start, end: p.end });
  for (const s of starts) push(data.bookedStarts, s.userId, s.start);
  return data;
}

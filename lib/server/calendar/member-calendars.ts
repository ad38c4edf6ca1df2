import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotationMembers, users } from "@/db/schema";
import type { HostCalendar } from "@/lib/domain/decide-rotation-bookings";
import type { Interval } from "@/lib/domain/slots";
import { loadBlockIntervals, loadMeetingIntervals } from "./busy";

/** Working hours and busy time of the rotation's current members around the given times. */
export async function loadMemberCalendars(tx: Database, rotationId: string, windows: readonly Interval[]): Promise<Map<string, HostCalendar>> {
  const members = tx.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
  const distinct = [...new Map(windows.map((w) => [`${w.start.getTime()}/${w.end.getTime()}`, w])).values()];
  const [schedules, booked, blocked] = await Promise.all([
    tx
      .select({ userId: users.id, timeZone: users.timeZone, workingHours: users.workingHours })
      .from(users)
      .innerJoin(rotationMembers, eq(rotationMembers.userId, users.id))
      .where(eq(rotationMembers.rotationId, rotationId)),
    loadMeetingIntervals(tx, members, distinct),
    loadBlockIntervals(tx, members, distinct),
  ]);
  const calendars = new Map<string, HostCalendar>(schedules.map((s) => [s.userId, { timeZone: s.timeZone, workingHours: s.workingHours, busy: [] }]));
  for (const busy of [...booked, ...blocked]) calendars.get(busy.userId)?.busy.push(busy);
  return calendars;
}


import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotationMembers } from "@/db/schema";
import { fitsWorkingHours } from "@/lib/domain/availability";
import type { Interval } from "@/lib/domain/slots";
import { loadBlockIntervals, loadMeetingIntervals } from "@/lib/server/calendar/busy";
import { loadHostSchedules } from "@/lib/server/calendar/hosts";

export type HostState = "free" | "busy" | "outside_working_hours";

/**
 * What no booking in a rotation can change — working hours and connected-calendar busy
 * blocks — for the given users. Booking reads this before taking the rotation's lock, so
 * the lock (which serializes every booking of the rotation) is held for less time.
 */
export async function calendarStates(db: Database, userIds: readonly string[], interval: Interval): Promise<Map<string, HostState>> {
  const schedules = await loadHostSchedules(db, userIds);
  const blocked = new Set((await loadBlockIntervals(db, userIds, interval.start, interval.end)).map((b) => b.userId));
  return new Map(
    userIds.map((id): [string, HostState] => {
      const schedule = schedules.get(id);
      if (!schedule || !fitsWorkingHours(interval, schedule.timeZone, schedule.workingHours)) return [id, "outside_working_hours"];
      return [id, blocked.has(id) ? "busy" : "free"];
    }),
  );
}

/** The calendar states of a rotation's current members, read without its lock. */
export async function memberCalendarStates(db: Database, rotationId: string, interval: Interval): Promise<Map<string, HostState>> {
  const members = await db.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
  return calendarStates(db, members.map((m) => m.userId), interval);
}

/**
 * Under the rotation's lock: each host's state once their live meetings are counted in.
 * `known` comes from memberCalendarStates; anyone who joined since is looked up now.
 */
export async function hostStatesUnderLock(db: Database, userIds: readonly string[], interval: Interval, known: Map<string, HostState>): Promise<Map<string, HostState>> {
  const missing = userIds.filter((id) => !known.has(id));
  const late = missing.length > 0 ? await calendarStates(db, missing, interval) : new Map<string, HostState>();
  const booked = new Set((await loadMeetingIntervals(db, userIds, interval.start, interval.end)).map((m) => m.userId));
  return new Map(
    userIds.map((id): [string, HostState] => {
      const calendar = known.get(id) ?? late.get(id) ?? "outside_working_hours";
      if (calendar !== "free") return [id, calendar];
      return [id, booked.has(id) ? "busy" : "free"];
    }),
  );
}

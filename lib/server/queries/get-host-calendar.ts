import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/result";
import { freeSlots, MEETING_DURATIONS, type Interval, type MeetingDuration } from "@/lib/domain/slots";
import type { WorkingHours } from "@/lib/domain/working-hours";
import type { Actor } from "@/lib/server/actor";
import { loadBusyIntervals } from "@/lib/server/calendar/busy";
import { refreshStaleCalendars } from "@/lib/server/calendar/sync/refresh-stale";
import { isUserId, parseInput } from "@/lib/server/validation";

/** A month and a day: enough for any calendar view, small enough to answer in one quick read. */
export const MAX_CALENDAR_DAYS = 31;
export const DEFAULT_CALENDAR_DAYS = 7;
const DAY_MS = 86_400_000;

/** Calendars are for real meetings: a range far outside this century is a mistake (and year 10000 would overflow PostgreSQL). */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const instant = z.iso
  .datetime({ offset: true, message: "Use an ISO 8601 time with an offset, e.g. 2030-01-07T00:00:00Z." })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() >= EARLIEST && date.getTime() < LATEST, "Use a time between the years 2000 and 2099.");

/** The query string of GET /users/{id}/calendar: every value arrives as text. */
export const hostCalendarQuerySchema = z.strictObject({
  from: instant.optional().describe("Start of the range (inclusive). Default: now."),
  to: instant.optional().describe(`End of the range (exclusive). Default: ${DEFAULT_CALENDAR_DAYS} days after from; at most ${MAX_CALENDAR_DAYS} days after it.`),
  durationMinutes: z
    .enum(MEETING_DURATIONS.map(String) as ["15", "30", "45", "60"], { message: "Choose 15, 30, 45 or 60 minutes." })
    .transform((value) => Number(value) as MeetingDuration)
    .optional()
    .describe("Length of the free slots. Default: 30."),
});

export interface CalendarBusyBlock extends Interval {
  kind: "meeting" | "busy";
  /** Only on one's own calendar: colleagues see that someone is busy, not with what. */
  title: string | null;
}

export interface HostCalendar {
  user: { id: string; name: string; timeZone: string; workingHours: WorkingHours };
  from: Date;
  to: Date;
  durationMinutes: MeetingDuration;
  busy: CalendarBusyBlock[];
  free: Interval[];
  /** Set when the host's connected calendar could not be refreshed in time: the last sync's time (C2). */
  calendarAsOf: Date | null;
}

/**
 * A person's busy time and free slots over a bounded range (§3, §6). Any active signed-in
 * user may look: finding a time with a colleague needs it, and the titles stay private.
 */
export async function getHostCalendar(db: Database, actor: Actor, hostUserId: string, query: unknown, now: Date = new Date()): Promise<Result<HostCalendar>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  if (!isUserId(hostUserId)) return fail("user_not_found", "This user does not exist.");
  const parsed = parseInput(hostCalendarQuerySchema, query);
  if (!parsed.ok) return parsed;
  const from = parsed.value.from ?? now;
  const to = parsed.value.to ?? new Date(from.getTime() + DEFAULT_CALENDAR_DAYS * DAY_MS);
  if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * DAY_MS || to <= from) {
    const message = to <= from ? "to must be after from." : `Ask for at most ${MAX_CALENDAR_DAYS} days at a time.`;
    return fail("validation", message, { to: [message] });
  }
  const durationMinutes = parsed.value.durationMinutes ?? 30;

  const [host] = await db
    .select({ id: users.id, name: users.name, timeZone: users.timeZone, workingHours: users.workingHours })
    .from(users)
    .where(eq(users.id, hostUserId));
  if (!host) return fail("user_not_found", "This user does not exist.");

  const stale = await refreshStaleCalendars(db, [host.id], now);
  const intervals = await loadBusyIntervals(db, [host.id], from, to);
  const own = host.id === actor.id;
  const busy = intervals.map(({ start, end, kind, title }) => ({ start, end, kind, title: own ? title : null }));
  const free = freeSlots({ timeZone: host.timeZone, workingHours: host.workingHours, busy: intervals, from, to, durationMinutes, now });
  return ok({ user: host, from, to, durationMinutes, busy, free, calendarAsOf: stale.has(host.id) ? (stale.get(host.id) ?? null) : null });
}

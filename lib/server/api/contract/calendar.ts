import "server-only";
import { z } from "zod";
import type { HostCalendar } from "@/lib/server/queries/get-host-calendar";
import { iso, timestamp } from "./common";

const intervalShape = { start: timestamp, end: timestamp };

export const hostCalendarSchema = z.strictObject({
  userId: z.string(),
  name: z.string(),
  timeZone: z.string().describe("IANA name; working hours are read in it."),
  workingHours: z.strictObject({
    weekdays: z.array(z.int().min(0).max(6)).describe("0 = Sunday … 6 = Saturday."),
    start: z.string().describe("HH:mm, local."),
    end: z.string().describe("HH:mm, local; 24:00 is midnight at the end of the day."),
  }),
  from: timestamp,
  to: timestamp,
  durationMinutes: z.literal([15, 30, 45, 60]),
  busy: z
    .array(
      z.strictObject({
        ...intervalShape,
        kind: z.enum(["meeting", "busy"]).describe("A meeting booked here, or a block from the connected calendar."),
        title: z.string().nullable().describe("Only on your own calendar; null on a colleague's."),
      }),
    )
    .describe("Busy time overlapping the range, by start."),
  slots: z.array(z.strictObject(intervalShape)).describe("Free slots of durationMinutes inside working hours, from now on."),
  calendarAsOf: timestamp.nullable().describe("Set when the connected calendar could not be refreshed within 2 s: the time of its last successful sync (C2)."),
});

export function presentHostCalendar(calendar: HostCalendar): z.input<typeof hostCalendarSchema> {
  return {
    userId: calendar.user.id,
    name: calendar.user.name,
    timeZone: calendar.user.timeZone,
    workingHours: { weekdays: [...calendar.user.workingHours.weekdays], start: calendar.user.workingHours.start, end: calendar.user.workingHours.end },
    from: iso(calendar.from),
    to: iso(calendar.to),
    durationMinutes: calendar.durationMinutes,
    busy: calendar.busy.map((b) => ({ start: iso(b.start), end: iso(b.end), kind: b.kind, title: b.title })),
    slots: calendar.free.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
    calendarAsOf: iso(calendar.calendarAsOf),
  };
}

"use client";

import { formatDay, formatTime, formatTimeRange, zoneAbbreviation } from "@/lib/domain/format-time";
import type { Interval } from "@/lib/domain/slots";
import { localDaysIn } from "@/lib/domain/week";
import type { HostCalendarDto } from "@/lib/query/scheduling";

const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

interface WeekCalendarProps {
  calendar: HostCalendarDto | undefined;
  isLoading: boolean;
  error: string | null;
  week: Interval;
  viewerTimeZone: string;
  selectedStart: string | null;
  onSelect: (start: string) => void;
  onPreviousWeek: () => void;
  onNextWeek: () => void;
  canGoBack: boolean;
}

function describeWorkingHours(hours: HostCalendarDto["workingHours"]): string {
  const days = hours.weekdays.length === 0 ? "No working days" : hours.weekdays.map((d) => WEEKDAY_NAMES[d]).join(", ");
  return `${days}, ${hours.start}–${hours.end}`;
}

/**
 * The host's week, day by day in the viewer's zone: busy time and the free slots for the
 * chosen duration as buttons. The host's zone is shown beside each time (§3).
 */
export function WeekCalendar(props: WeekCalendarProps) {
  const { calendar, week, viewerTimeZone } = props;
  const days = localDaysIn(week, viewerTimeZone);
  const label = `${formatDay(week.start, viewerTimeZone)} – ${formatDay(new Date(week.end.getTime() - 1), viewerTimeZone)}`;
  const within = (iso: string, day: Interval) => {
    const t = Date.parse(iso);
    return t >= day.start.getTime() && t < day.end.getTime();
  };

  return (
    <section aria-label="Host calendar" className="rounded-md border border-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <button type="button" onClick={props.onPreviousWeek} disabled={!props.canGoBack} className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 disabled:text-slate-400">
          ← Previous week
        </button>
        <p className="text-sm font-medium" aria-live="polite">
          Week of {label}
        </p>
        <button type="button" onClick={props.onNextWeek} className="rounded-md px-2 py-1 text-sm hover:bg-slate-100">
          Next week →
        </button>
      </div>
      {calendar && (
        <p className="border-b border-slate-100 px-3 py-2 text-xs text-slate-600">
          Times in your zone ({viewerTimeZone}). {calendar.name} works {describeWorkingHours(calendar.workingHours)} in {calendar.timeZone}
          {calendar.timeZone !== viewerTimeZone && <> ({zoneAbbreviation(week.start, calendar.timeZone)})</>}.
        </p>
      )}
      {calendar?.calendarAsOf && (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {calendar.name}&apos;s calendar could not be refreshed just now: calendar as of {formatTime(new Date(calendar.calendarAsOf), viewerTimeZone)}.
        </p>
      )}
      {props.error ? (
        <p role="alert" className="p-3 text-sm text-red-700">
          {props.error}
        </p>
      ) : props.isLoading || !calendar ? (
        <p className="p-3 text-sm text-slate-600" role="status">
          Loading calendar…
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-px bg-slate-100 sm:grid-cols-7">
          {days.map((day) => {
            const slots = calendar.slots.filter((s) => within(s.start, day));
            const busy = calendar.busy.filter((b) => Date.parse(b.start) < day.end.getTime() && Date.parse(b.end) > day.start.getTime());
            const dayName = formatDay(day.start, viewerTimeZone);
            return (
              <div key={day.start.toISOString()} role="group" aria-label={dayName} className="min-h-24 bg-white p-2">
                <p className="mb-1 text-xs font-semibold text-slate-700">{dayName}</p>
                {busy.map((b) => (
                  <p key={`${b.start}-${b.kind}`} className="mb-1 rounded bg-slate-200 px-1.5 py-0.5 text-[11px] text-slate-700">
                    Busy {formatTimeRange(new Date(b.start), new Date(b.end), viewerTimeZone)}
                  </p>
                ))}
                <div className="flex flex-col gap-1">
                  {slots.map((s) => {
                    const start = new Date(s.start);
                    const selected = props.selectedStart === s.start;
                    const hostTime = calendar.timeZone === viewerTimeZone ? "" : `, ${formatTime(start, calendar.timeZone)} host time`;
                    return (
                      <button
                        key={s.start}
                        type="button"
                        aria-pressed={selected}
                        aria-label={`${dayName} ${formatTime(start, viewerTimeZone)}${hostTime}`}
                        onClick={() => props.onSelect(s.start)}
                        className={`rounded border px-1.5 py-1 text-xs ${selected ? "border-brand-700 bg-brand-700 text-white" : "border-brand-100 bg-brand-50 text-brand-700 hover:border-brand-500"}`}
                      >
                        {formatTime(start, viewerTimeZone)}
                      </button>
                    );
                  })}
                  {slots.length === 0 && <p className="text-[11px] text-slate-500">No free slots</p>}
                </div>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

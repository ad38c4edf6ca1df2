"use client";

import { useMemo } from "react";
import { formatDay, formatTime, zoneAbbreviation } from "@/lib/domain/format-time";
import type { Interval } from "@/lib/domain/slots";
import { localDaysIn } from "@/lib/domain/week";
import { layoutWeekGrid } from "@/lib/domain/week-grid";
import type { HostCalendarDto } from "@/lib/query/scheduling";
import { WeekGridView } from "./week-grid-view";

const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

interface WeekCalendarProps {
  calendar: HostCalendarDto | undefined;
  isLoading: boolean;
  error: string | null;
  week: Interval;
  viewerTimeZone: string;
  durationMinutes: number;
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
 * The host's week in the viewer's zone (§3): the week's navigation, whose hours and zone these
 * are, and the grid of working hours, busy time and free slots.
 */
export function WeekCalendar(props: WeekCalendarProps) {
  const { calendar, week, viewerTimeZone } = props;
  const label = `${formatDay(week.start, viewerTimeZone)} – ${formatDay(new Date(week.end.getTime() - 1), viewerTimeZone)}`;
  const grid = useMemo(
    () =>
      calendar &&
      layoutWeekGrid({
        days: localDaysIn(week, viewerTimeZone),
        hostTimeZone: calendar.timeZone,
        workingHours: calendar.workingHours,
        busy: calendar.busy.map((b) => ({ start: new Date(b.start), end: new Date(b.end), kind: b.kind })),
        slots: calendar.slots.map((s) => new Date(s.start)),
      }),
    [calendar, week, viewerTimeZone],
  );

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
      ) : props.isLoading || !calendar || !grid ? (
        <p className="p-3 text-sm text-slate-600" role="status">
          Loading calendar…
        </p>
      ) : (
        <WeekGridView
          grid={grid}
          hostName={calendar.name}
          hostTimeZone={calendar.timeZone}
          viewerTimeZone={viewerTimeZone}
          durationMinutes={props.durationMinutes}
          selectedStart={props.selectedStart}
          onSelect={props.onSelect}
        />
      )}
    </section>
  );
}

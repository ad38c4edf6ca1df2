"use client";

import { useId, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { formatDay, formatHourMark, formatTime, formatTimeRange } from "@/lib/domain/format-time";
import { slotStepMinutes } from "@/lib/domain/slots";
import type { WeekGrid } from "@/lib/domain/week-grid";
import { isSlotKey, moveSlot } from "./slot-navigation";

/** Every slot is this tall whatever the duration, so its time (and the host's) stays readable. */
const SLOT_HEIGHT_PX = 36;

interface WeekGridViewProps {
  grid: WeekGrid;
  hostName: string;
  hostTimeZone: string;
  viewerTimeZone: string;
  durationMinutes: number;
  selectedStart: string | null;
  onSelect: (start: string) => void;
}


/** Position on the grid, as CSS variables the `sm:` classes read (phones stack the day instead). */
function placed(topMinutes: number, heightPx: number | null, pxPerMinute: number): CSSProperties {
  return { "--top": `${topMinutes * pxPerMinute}px`, ...(heightPx === null ? {} : { "--h": `${heightPx}px` }) } as CSSProperties;
}

/**
 * The week as calendars draw it: days side by side, time running down, the host's working
 * hours white on grey, busy time as blocks and free slots at their start. The free slots are
 * one keyboard stop: Tab reaches the picked (or first) slot, the arrow keys move between
 * slots (see moveSlot), Enter or Space picks. On a phone the days stack as lists.
 */
export function WeekGridView({ grid, hostName, hostTimeZone, viewerTimeZone, durationMinutes, selectedStart, onSelect }: WeekGridViewProps) {
  const hintId = useId();
  const [focusedStart, setFocusedStart] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pxPerMinute = SLOT_HEIGHT_PX / slotStepMinutes(durationMinutes);
  const gridHeight = `${(grid.lastMinute - grid.firstMinute) * pxPerMinute}px`;
  const hourHeight = 60 * pxPerMinute;
  const starts = grid.days.map((d) => d.slots.map((s) => s.start.toISOString()));
  const tabStop = [focusedStart, selectedStart, starts.flat()[0]].find((s) => s && starts.some((day) => day.includes(s)));
  const zonesDiffer = hostTimeZone !== viewerTimeZone;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = event.target instanceof HTMLElement ? event.target.dataset.slot : undefined;
    if (!from || !isSlotKey(event.key)) return;
    const day = starts.findIndex((d) => d.includes(from));
    const to = moveSlot(
      grid.days.map((d) => d.slots.map((s) => s.top)),
      { day, index: starts[day]?.indexOf(from) ?? 0 },
      event.key,
    );
    const next = starts[to.day]?.[to.index];
    if (!next) return;
    event.preventDefault();
    setFocusedStart(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div>
      <p id={hintId} className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-100 px-3 py-2 text-xs text-slate-600">
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-3 rounded-sm border border-brand-500 bg-brand-50" /> Free
        </span>
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-3 rounded-sm bg-slate-300" /> Busy
        </span>
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-3 rounded-sm border border-slate-300 bg-slate-100" /> Outside working hours
        </span>
        <span>Arrow keys move between free times; Enter picks one.</span>
      </p>
      {/* A week without free slots has nothing to focus in it: the box itself then takes focus, so it can still be scrolled by keyboard. */}
      <div className="sm:max-h-[26rem] sm:overflow-y-auto" tabIndex={tabStop ? undefined : 0}>
        <div className="sm:grid sm:grid-cols-[3.5rem_repeat(7,minmax(0,1fr))]">
          <div aria-hidden className="sticky top-0 z-20 hidden border-b border-slate-200 bg-white sm:block" />
          {grid.days.map((d) => (
            <p key={`head-${d.day.start.toISOString()}`} aria-hidden className="sticky top-0 z-20 hidden border-b border-l border-slate-200 bg-white px-1 py-2 text-center text-xs font-semibold text-slate-700 sm:block">
              {formatDay(d.day.start, viewerTimeZone)}
            </p>
          ))}
          <div aria-hidden className="relative hidden sm:block" style={{ height: gridHeight }}>
            {grid.hours.map((h) => (
              <span key={h.minuteOfDay} className="absolute right-1.5 text-[10px] leading-none text-slate-500" style={{ top: `${h.top * pxPerMinute + 2}px` }}>
                {formatHourMark(h.minuteOfDay)}
              </span>
            ))}
          </div>
          <div role="group" aria-label={`Free times with ${hostName}`} aria-describedby={hintId} onKeyDown={onKeyDown} className="contents">
            {grid.days.map((d) => {
              const dayName = formatDay(d.day.start, viewerTimeZone);
              return (
                <div
                  key={d.day.start.toISOString()}
                  role="group"
                  aria-label={dayName}
                  className="flex flex-wrap items-center gap-1 border-b border-slate-100 p-2 sm:relative sm:block sm:h-(--grid-h) sm:border-b-0 sm:border-l sm:border-slate-200 sm:bg-slate-100 sm:p-0"
                  style={{ "--grid-h": gridHeight } as CSSProperties}
                >
                  <p className="w-full text-xs font-semibold text-slate-700 sm:hidden">{dayName}</p>
                  {d.working.map((w) => (
                    <div key={w.top} aria-hidden className="absolute inset-x-0 hidden bg-white sm:block" style={{ top: `${w.top * pxPerMinute}px`, height: `${w.height * pxPerMinute}px` }} />
                  ))}
                  <div
                    aria-hidden
                    className="pointer-events-none absolute inset-0 hidden sm:block"
                    style={{ backgroundImage: `repeating-linear-gradient(to bottom, transparent 0 ${hourHeight - 1}px, var(--color-slate-200) ${hourHeight - 1}px ${hourHeight}px)` }}
                  />
                  {d.busy.map((b) => (
                    <p
                      key={`${b.start.toISOString()}-${b.kind}`}
                      className="rounded bg-slate-300 px-1.5 py-0.5 text-[11px] leading-tight text-slate-800 sm:absolute sm:inset-x-1 sm:top-(--top) sm:h-(--h) sm:overflow-hidden"
                      style={placed(b.top, b.height * pxPerMinute, pxPerMinute)}
                    >
                      <span className="font-medium">Busy</span> <span className="sm:block sm:truncate">{formatTimeRange(b.start, b.end, viewerTimeZone)}</span>
                    </p>
                  ))}
                  {d.slots.map((s) => {
                    const iso = s.start.toISOString();
                    const selected = selectedStart === iso;
                    // The host's zone is named once above the grid; each slot gives their time.
                    const hostTime = zonesDiffer ? formatTime(s.start, hostTimeZone) : null;
                    return (
                      <button
                        key={iso}
                        ref={(element) => {
                          if (element) buttons.current.set(iso, element);
                          else buttons.current.delete(iso);
                        }}
                        type="button"
                        data-slot={iso}
                        tabIndex={iso === tabStop ? 0 : -1}
                        aria-pressed={selected}
                        aria-label={`${dayName} ${formatTime(s.start, viewerTimeZone)}${hostTime ? `, ${hostTime} host time` : ""}`}
                        onFocus={() => setFocusedStart(iso)}
                        onClick={() => onSelect(iso)}
                        className={`z-10 flex flex-col items-start justify-center rounded border px-1.5 text-left text-xs leading-tight max-sm:py-1 sm:absolute sm:inset-x-1 sm:top-(--top) sm:h-(--h) ${
                          selected ? "border-brand-700 bg-brand-700 text-white" : "border-brand-100 bg-brand-50 text-brand-700 hover:border-brand-500"
                        }`}
                        style={placed(s.top, SLOT_HEIGHT_PX - 2, pxPerMinute)}
                      >
                        <span className="max-w-full truncate font-medium">{formatTime(s.start, viewerTimeZone)}</span>
                        {hostTime && <span className="max-w-full truncate text-[10px]">{hostTime} host</span>}
                      </button>
                    );
                  })}
                  {d.slots.length === 0 && <p className="text-[11px] text-slate-600 sm:sr-only">No free slots</p>}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

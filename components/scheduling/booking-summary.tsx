"use client";

import { formatDay, formatTimeRange } from "@/lib/domain/format-time";
import { Button } from "@/components/ui/button";

interface BookingSummaryProps {
  host: { name: string; timeZone: string } | null;
  viewerTimeZone: string;
  /** The picked slot's start (ISO), when it is still free. */
  slot: string | null;
  durationMinutes: number;
  isOverride: boolean;
  pending: boolean;
  /** Why the meeting cannot be booked as it stands, when it cannot. */
  blocked: string | null;
  /** Why the last attempt was refused: shown here, in view, not below the fold. */
  alert: string | null;
}

/**
 * The dialog's footer, kept in view while the rest scrolls: who, when (in the rep's zone and,
 * when it differs, the host's) and how long, and the one button that books it.
 */
export function BookingSummary(props: BookingSummaryProps) {
  const { host, slot } = props;
  const start = slot ? new Date(slot) : null;
  const end = start ? new Date(start.getTime() + props.durationMinutes * 60_000) : null;
  return (
    // The negative margins and offset undo the dialog's padding (sticky offsets count from inside it), so the footer sits on the dialog's edges.
    <div className="sticky -bottom-6 z-30 -mx-6 -mb-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white px-6 py-3 max-sm:-bottom-4 max-sm:-mx-4 max-sm:-mb-4 max-sm:px-4">
      {props.alert && (
        <p role="alert" className="w-full rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {props.alert}
        </p>
      )}
      <p className="min-w-0 flex-1 text-sm text-slate-700" aria-live="polite">
        {props.blocked ? (
          props.blocked
        ) : host && start && end ? (
          <>
            <strong className="font-semibold text-slate-900">{host.name}</strong>
            {props.isOverride && " (override)"} · {formatDay(start, props.viewerTimeZone)}, {formatTimeRange(start, end, props.viewerTimeZone)}
            {host.timeZone !== props.viewerTimeZone && <> ({formatTimeRange(start, end, host.timeZone)} for {host.name.split(" ")[0]})</>} · {props.durationMinutes} minutes
          </>
        ) : (
          "Pick a free slot to book."
        )}
      </p>
      <Button type="submit" disabled={props.pending || !host || !start || props.blocked !== null}>
        {props.pending ? "Booking…" : "Book meeting"}
      </Button>
    </div>
  );
}

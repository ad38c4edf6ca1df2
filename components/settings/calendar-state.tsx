import type { CalendarConnectionState } from "@/lib/server/queries/calendar-connection";
import { formatDateTime } from "@/lib/domain/format-time";

export const PROVIDER_LABELS = { caldav: "CalDAV", ical: "iCal address", builtin: "Built-in (demo)", none: "Not connected" } as const;

/** A calendar connection in a few words: what, how syncing goes, and the error when it fails (C3). */
export function CalendarStateText({ state, timeZone }: { state: CalendarConnectionState; timeZone: string }) {
  if (state.provider === "none") return <span className="text-slate-600">Not connected</span>;
  const failing = state.failingSince !== null;
  return (
    <>
      <span className="block">
        {PROVIDER_LABELS[state.provider]}
        {state.calendarName ? ` · ${state.calendarName}` : ""}
      </span>
      {failing ? (
        <span className={`block text-xs ${state.blocksEligibility ? "font-medium text-red-700" : "text-amber-800"}`}>
          Sync failing since {formatDateTime(state.failingSince!, timeZone)}
          {state.lastError ? `: ${state.lastError}` : ""}
        </span>
      ) : state.lastSuccessAt ? (
        <span className="block text-xs text-slate-600">Synced {formatDateTime(state.lastSuccessAt, timeZone)}</span>
      ) : state.provider !== "builtin" ? (
        <span className="block text-xs text-slate-600">Not synced yet</span>
      ) : null}
      <span className={`block text-xs ${state.syncEnabled ? "" : "text-slate-600"}`}>{state.syncEnabled ? "Sync on" : "Sync off"}</span>
    </>
  );
}



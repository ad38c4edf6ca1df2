import type { Metadata } from "next";
import { PROVIDER_LABELS } from "@/components/settings/calendar-state";
import { formatDateTime } from "@/lib/domain/format-time";
import { mustSucceed } from "@/components/settings/must-succeed";
import { SettingsFrame } from "@/components/settings/settings-frame";
import { getDb } from "@/lib/server/db";
import { getCalendarConnectionState } from "@/lib/server/queries/calendar-connection";
import { requirePageActor } from "@/lib/server/session";
import { ConnectCalendarForm } from "./connect-calendar-form";
import { ConnectionActions } from "./connection-actions";

export const metadata: Metadata = { title: "Calendar" };

/** Settings → Calendar (C1–C3): what is connected, how syncing goes, and connecting one. */
export default async function CalendarSettingsPage() {
  const actor = await requirePageActor();
  const state = mustSucceed(await getCalendarConnectionState(await getDb(), actor));
  const zone = actor.timeZone;
  const remote = state.provider === "caldav" || state.provider === "ical";
  return (
    <SettingsFrame>
      <div className="max-w-2xl space-y-4">
        <div>
          <h1 className="text-2xl font-semibold">Calendar</h1>
          <p className="text-sm text-slate-600">
            Rotations propose you only when your calendar is connected and syncing: your busy time comes from it, and with CalDAV the meetings booked for you are written to it. Times in your time zone, {zone}.
          </p>
        </div>
        <section aria-labelledby="state-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="state-heading" className="text-lg font-semibold">
            Connected calendar
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">Provider</dt>
            <dd>{PROVIDER_LABELS[state.provider]}</dd>
            {state.calendarName && (
              <>
                <dt className="text-slate-600">Calendar</dt>
                <dd className="break-all">{state.calendarName}</dd>
              </>
            )}
            {state.provider === "caldav" && (
              <>
                <dt className="text-slate-600">Server</dt>
                <dd className="break-all">{state.serverUrl}</dd>
                <dt className="text-slate-600">Username</dt>
                <dd className="break-all">{state.username}</dd>
              </>
            )}
            {remote && (
              <>
                <dt className="text-slate-600">Last synced</dt>
                <dd>{state.lastSuccessAt ? formatDateTime(state.lastSuccessAt, zone) : "Never"}</dd>
              </>
            )}
            <dt className="text-slate-600">Calendar sync</dt>
            <dd>{state.syncEnabled ? "On" : "Off (an admin can switch it on in Users)"}</dd>
          </dl>
          {state.failingSince && (
            <p role="status" className={`rounded-md border px-3 py-2 text-sm ${state.blocksEligibility ? "border-red-200 bg-red-50 text-red-800" : "border-amber-200 bg-amber-50 text-amber-900"}`}>
              Sync failing since {formatDateTime(state.failingSince, zone)}
              {state.lastError ? `: ${state.lastError}` : ""}.{" "}
              {state.blocksEligibility ? "You are not proposed in rotations until a sync succeeds." : "The last busy time is kept; after 30 minutes you are no longer proposed in rotations."}
            </p>
          )}
          {state.provider === "builtin" && <p className="text-sm text-slate-600">The demo organisation keeps its busy time in the app. Connect a real calendar below to use yours.</p>}
          {remote && <ConnectionActions />}
        </section>
        <ConnectCalendarForm replacing={state.provider !== "none"} />
      </div>
    </SettingsFrame>
  );
}

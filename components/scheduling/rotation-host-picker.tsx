"use client";

import { useQueries } from "@tanstack/react-query";
import { formatDateTime } from "@/lib/domain/format-time";
import { hostCalendarQuery, type ProposalDto, type RankedMemberDto } from "@/lib/query/scheduling";
import { RankingList } from "./ranking-list";

const selectClasses = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

function optionLabel(m: RankedMemberDto, proposedId: string | null, viewerTimeZone: string): string {
  const meetings = `${m.count} ${m.count === 1 ? "meeting" : "meetings"}`;
  const last = m.lastScheduledAt ? `last scheduled ${formatDateTime(new Date(m.lastScheduledAt), viewerTimeZone)}` : "never scheduled";
  const state =
    m.status === "unavailable"
      ? " — unavailable"
      : m.status === "not_eligible"
        ? ` — not eligible (${m.reason.replace(/^Not eligible: /, "")})`
        : m.status === "proposable"
          ? ""
          : ` — ${m.reason.charAt(0).toLowerCase()}${m.reason.slice(1)}`;
  return `${m.name}${m.userId === proposedId ? " (proposed)" : ""} — ${meetings}, ${last}${state}`;
}

interface RotationHostPickerProps {
  rotations: Array<{ id: string; name: string }>;
  rotationId: string;
  onRotationChange: (id: string) => void;
  proposal: ProposalDto | undefined;
  proposalError: string | null;
  proposalLoading: boolean;
  hostUserId: string | null;
  onHostChange: (id: string) => void;
  viewerTimeZone: string;
}

/**
 * The selects "Meeting rotation" and "Meeting rotation user" (§5), pre-filled with the
 * proposal, and below them the whole ranking: who is next and why.
 */
export function RotationHostPicker(props: RotationHostPickerProps) {
  const proposedId = props.proposal?.ranking.proposed?.userId ?? null;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <div className="flex flex-col gap-1">
          <label htmlFor="meeting-rotation" className="text-sm font-medium text-slate-700">
            Meeting rotation
          </label>
          <select id="meeting-rotation" data-autofocus value={props.rotationId} onChange={(e) => props.onRotationChange(e.target.value)} className={selectClasses}>
            <option value="">Choose a rotation…</option>
            {props.rotations.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          {props.rotations.length === 0 && <p className="text-xs text-slate-600">No rotations yet. An admin creates them in Settings.</p>}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="meeting-rotation-user" className="text-sm font-medium text-slate-700">
            Meeting rotation user
          </label>
          <select
            id="meeting-rotation-user"
            value={props.hostUserId ?? ""}
            onChange={(e) => props.onHostChange(e.target.value)}
            disabled={!props.proposal}
            aria-describedby="meeting-rotation-user-hint"
            className={selectClasses}
          >
            {!props.proposal && <option value="">{props.proposalLoading ? "Finding who is next…" : "Choose a rotation first"}</option>}
            {props.proposal && !proposedId && <option value="">No one is available</option>}
            {props.proposal?.ranking.members.map((m) => (
              <option key={m.userId} value={m.userId} disabled={m.status !== "proposable"}>
                {optionLabel(m, proposedId, props.viewerTimeZone)}
              </option>
            ))}
          </select>
          <p id="meeting-rotation-user-hint" className="text-xs text-slate-600" role={props.proposalError ? "alert" : undefined}>
            {props.proposalError ??
              (props.proposal?.ranking.proposed
                ? `Next up: ${props.proposal.ranking.proposed.name} — ${props.proposal.ranking.proposed.reason.toLowerCase()}.`
                : props.proposal
                  ? "No member of this rotation can take meetings right now."
                  : "")}
          </p>
        </div>
      </div>
      {props.proposal && <RankingList proposal={props.proposal} hostUserId={props.hostUserId} onHostChange={props.onHostChange} viewerTimeZone={props.viewerTimeZone} />}
    </div>
  );
}

/** When the host has no free slot this week, names the next member in the ranking who has one. */
export function NextFreeMemberHint(props: {
  proposal: ProposalDto;
  hostUserId: string;
  from: string;
  to: string;
  durationMinutes: number;
  onChoose: (userId: string) => void;
}) {
  const after = props.proposal.ranking.members.filter((m) => m.status === "proposable" && m.userId !== props.hostUserId).slice(0, 5);
  const calendars = useQueries({ queries: after.map((m) => hostCalendarQuery(m.userId, props.from, props.to, props.durationMinutes)) });
  const pending = calendars.some((c) => c.isPending);
  const index = calendars.findIndex((c) => (c.data?.slots.length ?? 0) > 0);
  const next = index >= 0 ? after[index] : undefined;
  const host = props.proposal.ranking.members.find((m) => m.userId === props.hostUserId);
  return (
    <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
      {host?.name ?? "This member"} has no free slot this week.{" "}
      {next ? (
        <>
          Next in the ranking with free time: <strong>{next.name}</strong>.{" "}
          <button type="button" className="font-medium underline" onClick={() => props.onChoose(next.userId)}>
            Choose {next.name}
          </button>
        </>
      ) : pending ? (
        "Looking for the next member with free time…"
      ) : (
        "Nobody else in this rotation is free this week either; try the next week."
      )}
    </div>
  );
}

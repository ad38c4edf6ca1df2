"use client";

import { formatDateTime } from "@/lib/domain/format-time";
import type { ProposalDto, RankedMemberDto } from "@/lib/query/scheduling";

interface RankingListProps {
  proposal: ProposalDto;
  hostUserId: string | null;
  onHostChange: (userId: string) => void;
  viewerTimeZone: string;
}

function meetingsLabel(m: RankedMemberDto, weighted: boolean): string {
  const meetings = `${m.count} ${m.count === 1 ? "meeting" : "meetings"}`;
  return weighted ? `${meetings}, weight ${m.weight}` : meetings;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Who is next and why (R8, R20), in the open: every member in ranking order with their count,
 * last meeting and reason, the proposal and the chosen host marked. The "Meeting rotation
 * user" select above stays the one control; choosing anyone but the proposal says so here.
 */
export function RankingList({ proposal, hostUserId, onHostChange, viewerTimeZone }: RankingListProps) {
  const proposed = proposal.ranking.proposed;
  const weighted = proposal.ranking.mode === "weighted";
  const host = proposal.ranking.members.find((m) => m.userId === hostUserId);
  if (proposal.ranking.members.length === 0) {
    return <p className="text-sm text-slate-600">This rotation has no members yet. An admin adds them in Settings.</p>;
  }
  return (
    <div className="flex flex-col gap-2">
      <div>
        <h3 className="text-sm font-medium text-slate-700">Ranking</h3>
        <p className="text-xs text-slate-600">
          {weighted
            ? "Whoever is furthest behind their share of meetings goes first; ties go to whoever was scheduled least recently."
            : "Fewest meetings since the last reset goes first; ties go to whoever was scheduled least recently."}
        </p>
      </div>
      <ol aria-label={`Ranking in ${proposal.rotation.name}`} className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
        {proposal.ranking.members.map((m) => {
          const chosen = m.userId === hostUserId;
          const last = m.lastScheduledAt ? `last scheduled ${formatDateTime(new Date(m.lastScheduledAt), viewerTimeZone)}` : "never scheduled";
          return (
            <li key={m.userId} aria-current={chosen ? "true" : undefined} className={`flex items-start gap-3 px-3 py-2 text-sm ${chosen ? "bg-brand-50" : ""}`}>
              <span className="mt-0.5 w-5 shrink-0 text-right text-xs text-slate-600 tabular-nums">
                <span className="sr-only">Position </span>
                {m.position}
              </span>
              <span className="min-w-0 flex-1">
                <span className="font-medium text-slate-900">{m.name}</span>
                {m.userId === proposed?.userId && <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-700">Proposed</span>}
                {chosen && m.userId !== proposed?.userId && <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Chosen</span>}
                <span className={`block text-xs ${m.status === "proposable" ? "text-slate-600" : "text-slate-700"}`}>
                  {meetingsLabel(m, weighted)} · {last} · {m.reason}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      {proposed && host && host.userId !== proposed.userId && (
        <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <strong className="font-semibold">Overriding the rotation.</strong> {proposed.name} is next ({lowerFirst(proposed.reason)}); booking {host.name} counts as an
          override.{" "}
          <button type="button" className="font-medium underline" onClick={() => onHostChange(proposed.userId)}>
            Choose {proposed.name}
          </button>
        </div>
      )}
    </div>
  );
}

import { CalendarStateText } from "@/components/settings/calendar-state";
import { formatDateTime } from "@/lib/domain/format-time";
import { targetShares } from "@/components/settings/target-shares";
import type { RotationMemberDetail } from "@/lib/server/queries/rotations";
import { AvailabilitySwitch } from "./availability-switch";
import { MemberCountActions } from "./member-count-actions";

interface MembersTableProps {
  rotationId: string;
  members: readonly RotationMemberDetail[];
  distribution: "even" | "weighted";
  proposedUserId: string | null;
  timeZone: string;
  /** The rows to show: a large rotation is shown a page at a time (shares still count everyone). */
  shown?: { offset: number; size: number };
}

function sourceLabel(source: string): string {
  return source === "direct" ? "Direct" : `Team ${source}`;
}

/** The members in ranking order (R8): who is next, their counts, recency, eligibility and availability. */
export function MembersTable({ rotationId, members, distribution, proposedUserId, timeZone, shown }: MembersTableProps) {
  const weighted = distribution === "weighted";
  const shares = targetShares(members);
  const rows = shown ? members.slice(shown.offset, shown.offset + shown.size) : members;
  if (members.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">No members. Edit the rotation to add users or teams.</p>;
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Members, in the order they are proposed</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">Member</th>
            <th scope="col" className="px-4 py-3">Source</th>
            <th scope="col" className="px-4 py-3">Meetings since reset</th>
            <th scope="col" className="px-4 py-3">Last scheduled</th>
            {weighted && <th scope="col" className="px-4 py-3">Weight</th>}
            <th scope="col" className="px-4 py-3">Eligibility</th>
            <th scope="col" className="px-4 py-3">Available</th>
            <th scope="col" className="px-4 py-3">Count and meetings</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((member) => (
            <tr key={member.userId} className={member.status === "proposable" ? "" : "bg-slate-50/60"}>
              <th scope="row" className="px-4 py-3 text-left font-normal">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{member.name}</span>
                  {member.userId === proposedUserId && <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-700">Next up</span>}
                </span>
                <span className="block text-xs text-slate-600">{member.email}</span>
                {(member.status === "out_of_office" || member.status === "capped") && <span className="block text-xs font-medium text-amber-900">{member.reason}</span>}
              </th>
              <td className="px-4 py-3 text-slate-700">{member.sources.map(sourceLabel).join(", ")}</td>
              <td className="px-4 py-3 tabular-nums">{member.count}</td>
              <td className="px-4 py-3 text-slate-700">
                {member.lastScheduledAt ? <time dateTime={member.lastScheduledAt.toISOString()}>{formatDateTime(member.lastScheduledAt, timeZone)}</time> : "Never"}
              </td>
              {weighted && (
                <td className="px-4 py-3 tabular-nums">
                  {member.weight}
                  {shares.has(member.userId) && <span className="text-xs text-slate-600"> ({shares.get(member.userId)}%)</span>}
                </td>
              )}
              <td className="px-4 py-3">
                {member.eligible ? (
                  <span className="text-emerald-800">Eligible</span>
                ) : (
                  <span className="text-amber-900">Not eligible: {member.ineligibleText.toLowerCase()}</span>
                )}
                <span className="mt-1 block text-xs text-slate-700">
                  <CalendarStateText state={member.calendar} timeZone={timeZone} />
                </span>
              </td>
              <td className="px-4 py-3">
                <AvailabilitySwitch rotationId={rotationId} userId={member.userId} name={member.name} available={member.available} />
              </td>
              <td className="px-4 py-3">
                <MemberCountActions rotationId={rotationId} userId={member.userId} name={member.name} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

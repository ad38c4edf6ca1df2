import type { MemberStatus } from "@/lib/domain/ranking";
import { formatDateTime } from "@/lib/domain/format-time";
import { targetShares } from "./target-shares";

interface ChartMember {
  userId: string;
  name: string;
  count: number;
  weight: number;
  status: MemberStatus;
}

interface CountsChartProps {
  members: readonly ChartMember[];
  distribution: "even" | "weighted";
  countsResetAt: Date;
  timeZone: string;
}

const STATUS_NOTE: Record<MemberStatus, string> = {
  proposable: "",
  busy: "",
  capped: "cap reached",
  out_of_office: "out of office",
  unavailable: "availability off",
  not_eligible: "not eligible",
};

/**
 * Meetings per member since the last reset, as horizontal bars. The bars are decoration for
 * sighted users; the same figures are in a table that assistive technology reads instead.
 */
export function CountsChart({ members, distribution, countsResetAt, timeZone }: CountsChartProps) {
  const max = Math.max(1, ...members.map((m) => m.count));
  const total = members.reduce((sum, m) => sum + m.count, 0);
  const shares = targetShares(members);
  const targetText = (m: ChartMember) => (shares.has(m.userId) ? `target ${shares.get(m.userId)}%` : "not proposed");
  const since = formatDateTime(countsResetAt, timeZone);

  return (
    <figure aria-labelledby="counts-chart-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <figcaption id="counts-chart-title" className="mb-1 font-semibold">
        Meetings since the last reset
      </figcaption>
      <p className="mb-4 text-sm text-slate-600">
        {total} {total === 1 ? "meeting" : "meetings"} since {since}.
      </p>
      {members.length === 0 ? (
        <p className="text-sm text-slate-600">This rotation has no members.</p>
      ) : (
        <>
          <ul aria-hidden className="space-y-2">
            {members.map((m) => (
              <li key={m.userId} className="grid grid-cols-[minmax(6rem,10rem)_1fr_auto] items-center gap-3 text-sm">
                <span className="truncate" title={m.name}>
                  {m.name}
                </span>
                <span className="h-4 rounded bg-slate-100">
                  <span className={`block h-4 rounded ${m.status === "proposable" ? "bg-brand-500" : "bg-slate-400"}`} style={{ width: `${(m.count / max) * 100}%` }} />
                </span>
                <span className="w-28 text-right text-slate-700 tabular-nums">
                  {m.count}
                  {distribution === "weighted" && <span className="text-xs text-slate-600"> · {targetText(m)}</span>}
                </span>
              </li>
            ))}
          </ul>
          <table className="sr-only">
            <caption>Meetings per member since {since}</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Meetings</th>
                {distribution === "weighted" && <th scope="col">Target share</th>}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">
                    {m.name}
                    {STATUS_NOTE[m.status] && ` (${STATUS_NOTE[m.status]})`}
                  </th>
                  <td>{m.count}</td>
                  {distribution === "weighted" && <td>{shares.has(m.userId) ? `${shares.get(m.userId)}%` : "None"}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

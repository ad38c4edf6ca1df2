import Link from "next/link";
import { formatDateTime } from "@/lib/domain/format-time";
import type { OutOfOfficeView } from "@/lib/server/queries/out-of-office";

/** The members' current and upcoming out-of-office periods (R16), on the rotation page. */
export function OutOfOfficeSection({ periods, timeZone }: { periods: OutOfOfficeView[]; timeZone: string }) {
  return (
    <section aria-labelledby="ooo-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="ooo-heading" className="text-lg font-semibold">
          Out of office
        </h2>
        <Link href="/settings/out-of-office" className="text-sm text-brand-700 underline">
          Manage out-of-office periods
        </Link>
      </div>
      {periods.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">No member is out of office now or later.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
          {periods.map((p) => (
            <li key={p.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
              <span className="font-medium">{p.userName}</span>
              <span className="text-slate-700">
                {formatDateTime(p.start, timeZone)} – {formatDateTime(p.end, timeZone)}
                {p.note && <span className="text-slate-600"> · {p.note}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

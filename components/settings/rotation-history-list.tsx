import type { RotationHistory } from "@/lib/server/queries/rotation-history";
import { formatDateTime } from "@/lib/domain/format-time";
import { describeHistoryEntry } from "./history-text";

/** The rotation's history (R12), newest first, in the viewer's time zone. */
export function RotationHistoryList({ history, timeZone }: { history: RotationHistory; timeZone: string }) {
  if (history.entries.length === 0) return <p className="text-sm text-slate-600">Nothing has happened in this rotation yet.</p>;
  return (
    <>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
        {history.entries.map((entry) => {
          const { summary, detail } = describeHistoryEntry(entry);
          return (
            <li key={entry.id} className="flex flex-col gap-0.5 px-4 py-3 text-sm sm:flex-row sm:items-baseline sm:justify-between sm:gap-6">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{summary}</p>
                {detail && <p className="text-slate-600">{detail}</p>}
              </div>
              <time dateTime={entry.occurredAt.toISOString()} className="shrink-0 text-xs text-slate-600">
                {formatDateTime(entry.occurredAt, timeZone)}
              </time>
            </li>
          );
        })}
      </ol>
      {history.hasMore && <p className="text-xs text-slate-600">Showing the latest {history.entries.length} changes.</p>}
    </>
  );
}

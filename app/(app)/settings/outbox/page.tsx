import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { formatDateTime } from "@/lib/domain/format-time";
import { mustSucceed } from "@/components/settings/must-succeed";
import { SettingsFrame, SettingsHeader } from "@/components/settings/settings-frame";
import { OUTBOX_STATUSES, type OutboxStatus } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { getDb } from "@/lib/server/db";
import { listOutbox, outboxQuerySchema, type OutboxEntry } from "@/lib/server/queries/outbox";
import { requirePageActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Outbox" };

const STATUS_LABELS: Record<OutboxStatus, string> = { pending: "Waiting", sent: "Sent", held: "Held (no SMTP)", failed: "Failed", canceled: "Canceled" };
const STATUS_STYLES: Record<OutboxStatus, string> = {
  pending: "bg-amber-50 text-amber-900",
  sent: "bg-emerald-50 text-emerald-800",
  held: "bg-slate-100 text-slate-700",
  failed: "bg-red-50 text-red-800",
  canceled: "bg-slate-100 text-slate-700",
};

function kindLabel(entry: OutboxEntry): string {
  if (entry.kind === "calendar_put") return "Calendar write";
  if (entry.kind === "calendar_delete") return "Calendar removal";
  return entry.message?.method === "CANCEL" ? "Cancellation" : "Invitation";
}

/** Settings → Outbox (C4, C5): every invitation and calendar write, with its state and last error. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!canManageRotations(actor)) forbidden();
  const raw = await searchParams;
  const parsed = outboxQuerySchema.safeParse({ status: typeof raw.status === "string" ? raw.status : undefined, page: typeof raw.page === "string" ? raw.page : undefined });
  const query = parsed.success ? parsed.data : {};
  const page = mustSucceed(await listOutbox(await getDb(), actor, query));
  const zone = actor.timeZone;
  const smtp = env().SMTP_URL !== undefined;
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  const href = (status: OutboxStatus | undefined, n = 1) => `/settings/outbox?${new URLSearchParams({ ...(status && { status }), ...(n > 1 && { page: String(n) }) })}`;

  return (
    <SettingsFrame>
      <SettingsHeader
        title="Outbox"
        description={
          smtp
            ? "Invitations go out by email; CalDAV calendars get each meeting. Failed deliveries are retried with backoff for 24 hours."
            : "No mail server is configured (SMTP_URL), so invitations are kept here as they would be sent. CalDAV calendars still get each meeting."
        }
      />
      <nav aria-label="Filter by status">
        <ul className="flex flex-wrap gap-2 text-sm">
          {[undefined, ...OUTBOX_STATUSES].map((status) => {
            const current = query.status === status;
            return (
              <li key={status ?? "all"}>
                <Link href={href(status)} aria-current={current ? "page" : undefined} className={`block rounded-full border px-3 py-1 ${current ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}>
                  {status ? STATUS_LABELS[status] : "All"}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {page.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          {query.status ? "No messages in this state." : "Nothing yet. Booking, deleting or reassigning a meeting puts its invitations and calendar writes here."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm" aria-label="Outbox messages">
          {page.entries.map((entry) => (
            <li key={entry.id} className="space-y-2 px-4 py-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium break-words">
                    {kindLabel(entry)}: {entry.subject}
                  </p>
                  <p className="break-all text-slate-600">
                    To {entry.recipient ?? "—"} · {formatDateTime(entry.createdAt, zone)}
                  </p>
                </div>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[entry.status]}`}>{STATUS_LABELS[entry.status]}</span>
              </div>
              {(entry.attempts > 0 || entry.lastError) && (
                <p className="text-xs text-slate-700">
                  {entry.attempts} {entry.attempts === 1 ? "attempt" : "attempts"}
                  {entry.deliveredAt && ` · delivered ${formatDateTime(entry.deliveredAt, zone)}`}
                  {entry.nextAttemptAt && entry.attempts > 0 && ` · next try ${formatDateTime(entry.nextAttemptAt, zone)}`}
                  {entry.lastError && <span className="block text-red-800">Last error: {entry.lastError}</span>}
                </p>
              )}
              {entry.message && (
                <details className="rounded-md border border-slate-200">
                  <summary className="cursor-pointer px-3 py-1.5 text-sm text-brand-700">View message</summary>
                  <div className="space-y-2 border-t border-slate-200 p-3">
                    {/* The HTML part as a mail client shows it: sandboxed, so nothing in it runs. */}
                    <iframe title={`Message to ${entry.recipient}`} sandbox="" srcDoc={entry.message.html} className="h-72 w-full rounded border border-slate-200 bg-white" />
                    <details>
                      <summary className="cursor-pointer text-xs text-slate-700">Plain text and calendar file</summary>
                      <pre className="mt-2 overflow-x-auto text-xs whitespace-pre-wrap">{entry.message.text}</pre>
                      <pre className="mt-2 overflow-x-auto bg-slate-50 p-2 text-xs">{entry.message.ics}</pre>
                    </details>
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {lastPage > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {page.page > 1 ? <Link href={href(query.status, page.page - 1)}>Newer</Link> : <span />}
          <span className="text-slate-600">
            Page {page.page} of {lastPage}
          </span>
          {page.page < lastPage ? <Link href={href(query.status, page.page + 1)}>Older</Link> : <span />}
        </nav>
      )}
    </SettingsFrame>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { MeetingTimeline } from "@/components/scheduling/meeting-timeline";
import { ScheduleMeetingButton } from "@/components/scheduling/schedule-meeting-button";
import type { SchedulingActions, SchedulingContext } from "@/components/scheduling/types";
import { canBookOwnMeetings } from "@/lib/domain/permissions";
import { RECORD_TYPE_INFO, recordHref } from "@/lib/domain/records";
import type { Actor } from "@/lib/server/actor";
import type { RecordDetail } from "@/lib/server/queries/record-detail";
import type { TimelineMeeting } from "@/lib/server/queries/record-meetings";

interface RecordViewProps {
  record: RecordDetail;
  meetings: TimelineMeeting[];
  viewer: Actor;
  scheduling: SchedulingContext;
  actions: SchedulingActions;
}

/** The record page's layout: what the route read, presented. */
export function RecordView({ record, meetings, viewer, scheduling, actions }: RecordViewProps) {
  const info = RECORD_TYPE_INFO[record.type];
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={info.path} className="text-brand-700 underline">
          {info.plural}
        </Link>
        <span aria-hidden className="mx-2 text-slate-400">
          /
        </span>
        <span aria-current="page">{record.name}</span>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{info.singular}</p>
          <h1 className="text-2xl font-semibold">{record.name}</h1>
        </div>
        {canBookOwnMeetings(viewer) && <ScheduleMeetingButton context={scheduling} bookMeeting={actions.bookMeeting} />}
      </div>
      <div className="grid gap-6 md:grid-cols-3">
        <Card id="properties" title={`About this ${info.singular.toLowerCase()}`} className="md:col-span-1">
          <dl className="space-y-3 text-sm">
            {record.properties.map((p) => (
              <div key={p.label}>
                <dt className="text-slate-500">{p.label}</dt>
                <dd className="font-medium">{p.value || <span className="text-slate-400">—</span>}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card id="associations" title="Associations" className="md:col-span-2">
          <div className="grid gap-4 sm:grid-cols-2">
            {record.associations.map((group) => (
              <div key={group.label}>
                <h3 className="mb-1 text-sm font-medium text-slate-600">
                  {group.label} ({group.records.length})
                </h3>
                {group.records.length === 0 ? (
                  <p className="text-sm text-slate-500">None</p>
                ) : (
                  <ul className="space-y-1 text-sm">
                    {group.records.map((r) => (
                      <li key={r.id}>
                        <Link href={recordHref(r.type, r.id)} className="text-brand-700 hover:underline">
                          {r.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        </Card>
      </div>
      <Card id="meetings" title="Meetings">
        <MeetingTimeline meetings={meetings} viewer={viewer} actions={actions} />
      </Card>
    </div>
  );
}

/** One titled card of the record page, named by its heading. */
function Card({ id, title, className = "", children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      <h2 id={`${id}-heading`} className="mb-3 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

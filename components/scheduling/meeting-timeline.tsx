import { formatDateTime, formatTimeRange } from "@/lib/domain/format-time";
import { canDeleteMeeting, canManageRotations, type ActorRights } from "@/lib/domain/permissions";
import { OUTCOME_LABELS } from "@/lib/domain/rotation-settings";
import type { TimelineMeeting } from "@/lib/server/queries/record-meetings";
import { DeleteMeetingButton } from "./delete-meeting-button";
import { meetingElementId } from "./meeting-anchor";
import { MarkOutcomeButton } from "./mark-outcome-button";
import { ReassignMeetingButton } from "./reassign-meeting-button";
import type { SchedulingActions } from "./types";

interface MeetingTimelineProps {
  meetings: TimelineMeeting[];
  viewer: ActorRights & { id: string; timeZone: string };
  actions: Pick<SchedulingActions, "deleteMeeting" | "markOutcome" | "reassignOptions" | "reassignMeeting">;
}

/** The record's meetings, in the viewer's time zone, each with its invite, outcome, reassignment and delete (§4, R17, R19). */
export function MeetingTimeline({ meetings, viewer, actions }: MeetingTimelineProps) {
  const viewerTimeZone = viewer.timeZone;
  if (meetings.length === 0) {
    return <p className="text-sm text-slate-600">No meetings yet. Use “Schedule meeting” to book one.</p>;
  }
  return (
    <ol className="space-y-3" aria-label="Meetings">
      {meetings.map((m) => {
        return (
          <li
            key={m.id}
            id={meetingElementId(m.id)}
            tabIndex={-1}
            aria-labelledby={`${meetingElementId(m.id)}-title`}
            className="rounded-md border border-slate-200 p-4 transition-shadow data-just-booked:border-brand-500 data-just-booked:ring-2 data-just-booked:ring-brand-500/40"
          >
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h3 id={`${meetingElementId(m.id)}-title`} className="font-medium">
                  {m.title}
                </h3>
                <p className="text-sm text-slate-700">
                  <time dateTime={m.startsAt.toISOString()}>{formatDateTime(m.startsAt, viewerTimeZone)}</time>
                  {" · "}
                  {formatTimeRange(m.startsAt, m.endsAt, viewerTimeZone)}
                </p>
                <p className="text-sm text-slate-600">
                  Host <span className="font-medium text-slate-800">{m.hostName}</span> · booked by {m.bookedByName}
                  {m.rotationName && <> · through rotation “{m.rotationName}”</>}
                </p>
                {m.location && <p className="text-sm text-slate-600">Location: {m.location}</p>}
                {m.outcome && <p className="text-sm font-medium text-slate-800">Outcome: {OUTCOME_LABELS[m.outcome]}</p>}
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <a href={`/api/meetings/${m.id}/invite.ics`} className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 underline" download>
                  Download invite<span className="sr-only"> for {m.title}</span>
                </a>
                {canDeleteMeeting(viewer, m) && <MarkOutcomeButton meetingId={m.id} title={m.title} outcome={m.outcome} markOutcome={actions.markOutcome} />}
                {m.rotationId && (m.hostUserId === viewer.id || canManageRotations(viewer)) && <ReassignMeetingButton meetingId={m.id} title={m.title} actions={actions} />}
                {canDeleteMeeting(viewer, m) && <DeleteMeetingButton meetingId={m.id} title={m.title} deleteMeeting={actions.deleteMeeting} />}
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

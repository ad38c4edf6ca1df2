"use client";

import { Dialog } from "@/components/ui/dialog";
import { OwnQueryClient } from "@/components/ui/own-query-client";
import { ScheduleMeetingForm } from "./schedule-meeting-form";
import type { SchedulingActions, SchedulingContext } from "./types";

/**
 * Mounted only while open, with a query client of its own: every opening starts from a fresh
 * proposal and calendar, whatever was booked, deleted or reassigned since the last one.
 */
export function ScheduleMeetingDialog({ context, bookMeeting, onClose }: { context: SchedulingContext; bookMeeting: SchedulingActions["bookMeeting"]; onClose: (bookedMeetingId?: string) => void }) {
  return (
    <OwnQueryClient>
      <Dialog open onOpenChange={(open) => !open && onClose()} title="Schedule meeting" widthClass="w-[min(72rem,96vw)]">
        <ScheduleMeetingForm context={context} bookMeeting={bookMeeting} onBooked={onClose} />
      </Dialog>
    </OwnQueryClient>
  );
}

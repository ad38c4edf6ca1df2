"use client";

import { Dialog } from "@/components/ui/dialog";
import { ScheduleMeetingForm } from "./schedule-meeting-form";
import type { SchedulingActions, SchedulingContext } from "./types";

/** Mounted only while open, so every opening starts from a fresh proposal. */
export function ScheduleMeetingDialog({ context, bookMeeting, onClose }: { context: SchedulingContext; bookMeeting: SchedulingActions["bookMeeting"]; onClose: (bookedMeetingId?: string) => void }) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Schedule meeting" widthClass="w-[min(72rem,96vw)]">
      <ScheduleMeetingForm context={context} bookMeeting={bookMeeting} onBooked={onClose} />
    </Dialog>
  );
}

"use client";

import type { QueryClient } from "@tanstack/react-query";
import { Dialog } from "@/components/ui/dialog";
import { OwnQueryClient } from "@/components/ui/own-query-client";
import { proposalQuery } from "@/lib/query/scheduling";
import { lastUsedRotation } from "./last-rotation";
import { ScheduleMeetingForm } from "./schedule-meeting-form";
import type { SchedulingActions, SchedulingContext } from "./types";

/**
 * Mounted only while open, with a query client of its own: every opening starts from a fresh
 * proposal and calendar, whatever was booked, deleted or reassigned since the last one. The
 * proposal of the rotation the form opens on is asked for as the client is made, so the
 * ranking comes back while the dialog is still mounting.
 */
export function ScheduleMeetingDialog({ context, bookMeeting, onClose }: { context: SchedulingContext; bookMeeting: SchedulingActions["bookMeeting"]; onClose: (bookedMeetingId?: string) => void }) {
  const askForProposal = (client: QueryClient) => {
    const rotationId = context.canUseRotations ? lastUsedRotation(context.rotations) : "";
    if (rotationId) void client.prefetchQuery(proposalQuery(rotationId));
  };
  return (
    <OwnQueryClient onCreate={askForProposal}>
      <Dialog open onOpenChange={(open) => !open && onClose()} title="Schedule meeting" widthClass="w-[min(72rem,96vw)]">
        <ScheduleMeetingForm context={context} bookMeeting={bookMeeting} onBooked={onClose} />
      </Dialog>
    </OwnQueryClient>
  );
}

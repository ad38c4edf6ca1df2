"use client";

import { Dialog } from "@/components/ui/dialog";
import { ScheduleMeetingForm } from "./schedule-meeting-form";
import type { SchedulingContext } from "./types";

/** Mounted only while open, so every opening starts from a fresh proposal. */
export function ScheduleMeetingDialog({ context, onClose }: { context: SchedulingContext; onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Schedule meeting" widthClass="w-[min(64rem,96vw)]">
      <ScheduleMeetingForm context={context} onBooked={onClose} />
    </Dialog>
  );
}

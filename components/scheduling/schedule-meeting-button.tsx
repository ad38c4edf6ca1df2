"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ScheduleMeetingForm } from "./schedule-meeting-form";
import type { SchedulingContext } from "./types";

export function ScheduleMeetingButton({ context }: { context: SchedulingContext }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Schedule meeting</Button>
      <Dialog open={open} onOpenChange={setOpen} title="Schedule meeting" widthClass="w-[min(64rem,96vw)]">
        {/* Mounted only while open: every opening starts from a fresh proposal. */}
        {open && <ScheduleMeetingForm context={context} onBooked={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

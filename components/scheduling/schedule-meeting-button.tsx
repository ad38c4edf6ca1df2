"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { SchedulingContext } from "./types";

// The dialog (tabs, calendar, query code) is fetched when it is about to be used, not with
// the record page: most visits to a record never open it. Hovering or focusing the button
// starts the download, so by the click it is usually there.
const loadDialog = () => import("./schedule-meeting-dialog");
const ScheduleMeetingDialog = dynamic(() => loadDialog().then((m) => m.ScheduleMeetingDialog), { ssr: false });

export function ScheduleMeetingButton({ context }: { context: SchedulingContext }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} onPointerEnter={loadDialog} onFocus={loadDialog}>
        Schedule meeting
      </Button>
      {open && <ScheduleMeetingDialog context={context} onClose={() => setOpen(false)} />}
    </>
  );
}

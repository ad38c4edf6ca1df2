"use client";

import { useEffect, useState, type ComponentType } from "react";
import { Button } from "@/components/ui/button";
import { focusMeetingWhenShown } from "./meeting-anchor";
import type { SchedulingActions, SchedulingContext } from "./types";

type DialogComponent = ComponentType<{ context: SchedulingContext; bookMeeting: SchedulingActions["bookMeeting"]; onClose: (bookedMeetingId?: string) => void }>;

// The dialog (tabs, calendar, query code) is not part of the record page's first load: it is
// fetched once the page is idle, or on hover, focus or click of the button. It is held in
// state rather than rendered through React.lazy, so opening it never suspends (React
// throttles Suspense reveals by ~300 ms, which the rep would feel on every opening).
const loadDialog = () => import("./schedule-meeting-dialog").then((m): DialogComponent => m.ScheduleMeetingDialog);

export function ScheduleMeetingButton({ context, bookMeeting }: { context: SchedulingContext; bookMeeting: SchedulingActions["bookMeeting"] }) {
  const [Dialog, setDialog] = useState<DialogComponent | null>(null);
  const [open, setOpen] = useState(false);
  const ensureLoaded = () => {
    if (!Dialog) void loadDialog().then((component) => setDialog(() => component));
  };
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    idle(() => void loadDialog().then((component) => setDialog(() => component)));
  }, []);
  return (
    <>
      <Button
        onClick={() => {
          ensureLoaded();
          setOpen(true);
        }}
        onPointerEnter={ensureLoaded}
        onFocus={ensureLoaded}
        aria-busy={open && !Dialog}
      >
        Schedule meeting
      </Button>
      {open && Dialog && (
        <Dialog
          context={context}
          bookMeeting={bookMeeting}
          onClose={(bookedMeetingId) => {
            setOpen(false);
            // Focus goes back to this button, unless a meeting was booked: then to that meeting.
            if (bookedMeetingId) focusMeetingWhenShown(bookedMeetingId);
          }}
        />
      )}
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { LazyConfirmDialog as ConfirmDialog } from "@/components/ui/lazy-dialogs";
import { useToast } from "@/components/ui/toast";
import type { SchedulingActions } from "./types";

interface DeleteMeetingButtonProps {
  meetingId: string;
  title: string;
  deleteMeeting: SchedulingActions["deleteMeeting"];
}

export function DeleteMeetingButton({ meetingId, title, deleteMeeting }: DeleteMeetingButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteMeeting(meetingId);
      if (!result.ok) {
        toast(result.error.message, "error");
        return;
      }
      setOpen(false);
      toast(result.value.countDecremented ? "Meeting deleted. The host's rotation count went down by one." : "Meeting deleted.");
      // Counts and calendars changed: proposals and free slots must be fetched again.
      router.refresh();
    });

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Delete meeting ${title}`}>
        Delete meeting
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete this meeting?"
        description={`“${title}” will be removed from the host's calendar. If it was booked through a rotation, the host's count goes down by one.`}
        confirmLabel="Delete meeting"
        onConfirm={confirm}
        pending={pending}
      />
    </>
  );
}

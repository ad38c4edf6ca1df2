"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { LazyDialog as Dialog } from "@/components/ui/lazy-dialogs";
import { useToast } from "@/components/ui/toast";
import { OUTCOME_LABELS, type MeetingOutcome } from "@/lib/domain/rotation-settings";
import type { SchedulingActions } from "./types";

interface MarkOutcomeButtonProps {
  meetingId: string;
  title: string;
  outcome: MeetingOutcome | null;
  markOutcome: SchedulingActions["markOutcome"];
}

/** Mark outcome (R17): completed, no-show or canceled by the contact, or undo the mark. */
export function MarkOutcomeButton({ meetingId, title, outcome, markOutcome }: MarkOutcomeButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const mark = (next: MeetingOutcome | null) =>
    startTransition(async () => {
      const result = await markOutcome(meetingId, next);
      if (!result.ok) return toast(result.error.message, "error");
      setOpen(false);
      const count = result.value.countChange < 0 ? " The host was credited back one meeting." : result.value.countChange > 0 ? " The host's credit-back was undone." : "";
      toast(`${next ? `Marked ${OUTCOME_LABELS[next].toLowerCase()}.` : "Outcome cleared."}${count}`);
      router.refresh();
    });

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Mark outcome<span className="sr-only"> of {title}</span>
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="Mark outcome" description={`How did “${title}” go? If the rotation does not count no-shows and cancellations, marking one gives the host one meeting back.`} widthClass="w-[min(28rem,95vw)]">
        <div role="group" aria-label="Outcome" className="flex flex-col gap-2">
          {(Object.keys(OUTCOME_LABELS) as MeetingOutcome[]).map((value) => (
            <Button key={value} variant={value === outcome ? "primary" : "secondary"} aria-pressed={value === outcome} disabled={pending} onClick={() => mark(value)}>
              {OUTCOME_LABELS[value]}
            </Button>
          ))}
          {outcome && (
            <Button variant="ghost" disabled={pending} onClick={() => mark(null)}>
              Undo outcome
            </Button>
          )}
        </div>
      </Dialog>
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { setAvailabilityAction } from "../actions";

interface AvailabilitySwitchProps {
  rotationId: string;
  userId: string;
  name: string;
  available: boolean;
}

/**
 * A member's availability in this rotation (R5). Turning it off asks first; turning it on
 * does not. The switch flips at once and flips back, with an error, if the server refuses.
 */
export function AvailabilitySwitch({ rotationId, userId, name, available }: AvailabilitySwitchProps) {
  const [shown, setShown] = useOptimistic(available);
  const [, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const router = useRouter();
  const wrapper = useRef<HTMLSpanElement>(null);
  const restoreFocus = useRef(false);

  useEffect(() => {
    // The ranking reorders rows when availability changes, and moving a focused element drops
    // its focus; give it back unless the user has already gone elsewhere.
    if (!restoreFocus.current) return;
    restoreFocus.current = false;
    if (document.activeElement === document.body || document.activeElement === null) wrapper.current?.querySelector("button")?.focus();
  }, [available]);

  const apply = (next: boolean) => {
    restoreFocus.current = true;
    startTransition(async () => {
      setShown(next);
      const result = await setAvailabilityAction(rotationId, userId, next);
      if (result.ok) {
        toast(next ? `${name} is available again.` : `${name} is off: not proposed until switched back on.`);
      } else {
        toast(`Availability for ${name} was not changed: ${result.error.message}`, "error");
        // The refusal may mean the page is out of date (e.g. the member was removed meanwhile).
        router.refresh();
      }
    });
  };

  return (
    <span ref={wrapper} className="inline-flex items-center gap-2">
      <Switch
        checked={shown}
        label={`Availability for ${name}`}
        // A click while a change is in flight is not ignored: server actions run one after
        // another, and each optimistic value holds until its own action finishes.
        onCheckedChange={(next) => {
          if (next) apply(true);
          else setConfirming(true);
        }}
      />
      <span aria-hidden className={`text-xs ${shown ? "text-slate-700" : "text-slate-500"}`}>
        {shown ? "On" : "Off"}
      </span>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Turn off availability for ${name}?`}
        description="They won’t be proposed or booked through this rotation until you switch them back on. Their count is kept."
        confirmLabel="Turn off availability"
        onConfirm={() => {
          setConfirming(false);
          apply(false);
        }}
      />
    </span>
  );
}

"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { setUserActiveAction } from "./actions";

/** Deactivate (after confirmation) or reactivate a user. */
export function UserActiveButton({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();

  const change = (next: boolean) =>
    startTransition(async () => {
      const result = await setUserActiveAction(userId, next);
      setConfirming(false);
      if (result.ok) toast(next ? `${name} is active again.` : `${name} was deactivated.`);
      else toast(result.error.message, "error");
    });

  if (!active) {
    return (
      <Button variant="secondary" className="px-2.5 py-1.5" disabled={pending} onClick={() => change(true)}>
        {pending ? "Reactivating…" : "Reactivate"}
        <span className="sr-only"> {name}</span>
      </Button>
    );
  }
  return (
    <>
      <Button variant="ghost" className="px-2.5 py-1.5 text-red-700! hover:bg-red-50" onClick={() => setConfirming(true)}>
        Deactivate<span className="sr-only"> {name}</span>
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Deactivate ${name}?`}
        description="They can no longer sign in. In their rotations they stay listed as not eligible and are never proposed. You can reactivate them later."
        confirmLabel="Deactivate"
        pending={pending}
        onConfirm={() => change(false)}
      />
    </>
  );
}

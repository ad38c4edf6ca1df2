"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { deleteOutOfOfficeAction } from "./actions";

export function DeletePeriodButton({ periodId, label }: { periodId: string; label: string }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const confirm = () =>
    startTransition(async () => {
      const result = await deleteOutOfOfficeAction(periodId);
      if (!result.ok) return toast(result.error.message, "error");
      setOpen(false);
      toast("Out-of-office period deleted.");
      router.refresh();
    });
  return (
    <>
      <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setOpen(true)}>
        Delete<span className="sr-only"> out-of-office period {label}</span>
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete this out-of-office period?"
        description={`${label}. The person can be proposed again during that time.`}
        confirmLabel="Delete period"
        onConfirm={confirm}
        pending={pending}
      />
    </>
  );
}

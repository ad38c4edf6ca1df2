"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { deleteRotationAction } from "../actions";

/** Deletes the rotation after confirmation; booked meetings and the history stay. */
export function DeleteRotationButton({ rotationId, name }: { rotationId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  return (
    <>
      <Button variant="ghost" className="text-red-700! hover:bg-red-50" onClick={() => setOpen(true)}>
        Delete rotation
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete “${name}”?`}
        description="Its members, counts and availability go with it. Meetings already booked stay on everyone’s calendars."
        confirmLabel="Delete rotation"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            // On success the action redirects to the list, which confirms the deletion.
            const result = await deleteRotationAction(rotationId);
            setOpen(false);
            if (!result.ok) toast(result.error.message, "error");
          })
        }
      />
    </>
  );
}

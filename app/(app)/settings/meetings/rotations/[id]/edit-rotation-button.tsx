"use client";

import { useMemo, useState } from "react";
import { RotationForm, type RotationFormValues } from "@/components/settings/rotation-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { MemberOptions } from "@/lib/server/queries/users";
import { updateRotationAction } from "../actions";

interface EditRotationButtonProps {
  rotationId: string;
  options: MemberOptions;
  initial: RotationFormValues;
  currentMemberIds: string[];
}

/** "Edit rotation" and its side panel, which warns before a change that resets counts (R7). */
export function EditRotationButton({ rotationId, options, initial, currentMemberIds }: EditRotationButtonProps) {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const action = useMemo(() => updateRotationAction.bind(null, rotationId), [rotationId]);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Edit rotation
      </Button>
      <Dialog open={open} onOpenChange={setOpen} variant="side" title="Edit rotation" description="Changes apply to the next booking.">
        <RotationForm
          action={action}
          options={options}
          initial={initial}
          currentMemberIds={currentMemberIds}
          submitLabel="Save"
          pendingLabel="Saving…"
          onSuccess={(state) => {
            setOpen(false);
            toast(state.message);
          }}
        />
      </Dialog>
    </>
  );
}

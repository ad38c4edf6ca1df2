"use client";

import { useMemo } from "react";
import { DialogFormButton } from "@/components/settings/dialog-form-button";
import { RotationFields, type RotationFormValues } from "@/components/settings/rotation-fields";
import type { NewcomerPolicy } from "@/lib/domain/rotation-settings";
import type { MemberOptions } from "@/lib/server/queries/users";
import { updateRotationAction } from "../actions";

interface EditRotationButtonProps {
  rotationId: string;
  options: MemberOptions;
  initial: RotationFormValues;
  currentMemberIds: string[];
  newcomerPolicy: NewcomerPolicy;
}

/** "Edit rotation" and its side panel, which warns before a change that resets counts (R7) or levels a newcomer (R15). */
export function EditRotationButton({ rotationId, options, initial, currentMemberIds, newcomerPolicy }: EditRotationButtonProps) {
  const action = useMemo(() => updateRotationAction.bind(null, rotationId), [rotationId]);
  return (
    <DialogFormButton
      label="Edit rotation"
      buttonVariant="secondary"
      variant="side"
      title="Edit rotation"
      description="Changes apply to the next booking."
      action={action}
      submitLabel="Save"
      pendingLabel="Saving…"
    >
      {(state) => <RotationFields state={state} options={options} initial={initial} currentMemberIds={currentMemberIds} newcomerPolicy={newcomerPolicy} />}
    </DialogFormButton>
  );
}

"use client";

import { useMemo } from "react";
import { describeCountImpact, listNames } from "@/components/settings/count-impact-text";
import { DialogFormButton, type SubmitConfirmation } from "@/components/settings/dialog-form-button";
import { RotationFields, type RotationFormValues } from "@/components/settings/rotation-fields";
import type { NewcomerPolicy } from "@/lib/domain/rotation-settings";
import type { MemberOptions } from "@/lib/server/queries/users";
import { previewRotationEditAction, updateRotationAction } from "../actions";

/** Asks first when saving resets counts (R7), with the server's figures; otherwise saves at once. */
async function confirmReset(rotationId: string, formData: FormData): Promise<SubmitConfirmation | null> {
  const preview = await previewRotationEditAction(rotationId, formData);
  // Bad input is the save's to refuse, with its field errors.
  if (!preview.ok || preview.value.effect !== "reset") return null;
  const impact = preview.value;
  const text = describeCountImpact(`Adding ${listNames(impact.joining.map((n) => n.name))}`, [impact]);
  return {
    title: `Reset every count in ${impact.rotationName}?`,
    description: text.resets.join(" "),
    details: text.warnings.length > 0 ? text.warnings.map((warning) => <p key={warning}>{warning}</p>) : undefined,
    confirmLabel: "Save and reset counts",
  };
}

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
  const confirm = useMemo(() => (formData: FormData) => confirmReset(rotationId, formData), [rotationId]);
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
      confirm={confirm}
    >
      {(state) => <RotationFields state={state} options={options} initial={initial} currentMemberIds={currentMemberIds} newcomerPolicy={newcomerPolicy} />}
    </DialogFormButton>
  );
}

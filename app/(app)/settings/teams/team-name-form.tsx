"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { fieldErrors, hasFormLevelMessage, type FormState } from "@/lib/forms/action-state";
import { FormAlert } from "@/components/settings/form-alert";
import { PendingButton } from "@/components/settings/pending-button";
import { useActionForm } from "@/components/settings/use-action-form";
import { TextField } from "@/components/ui/text-field";

interface TeamNameFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialName?: string;
  submitLabel: string;
  pendingLabel: string;
  onSuccess: (state: Extract<FormState, { status: "success" }>) => void;
}

/** A team's name, for creating and for renaming. */
export function TeamNameForm({ action, initialName = "", submitLabel, pendingLabel, onSuccess }: TeamNameFormProps) {
  const { state, pending, onSubmit } = useActionForm(action);
  const [name, setName] = useState(initialName);
  const notifySuccess = useEffectEvent(onSuccess);
  useEffect(() => {
    if (state.status === "success") notifySuccess(state);
  }, [state]);
  const errors = fieldErrors(state, "name");
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {hasFormLevelMessage(state) && <FormAlert message={state.message} />}
      <TextField label="Team name" name="name" value={name} onChange={(event) => setName(event.target.value)} errors={errors} maxLength={100} autoComplete="off" required />
      <div className="flex justify-end">
        <PendingButton pending={pending} pendingLabel={pendingLabel}>{submitLabel}</PendingButton>
      </div>
    </form>
  );
}

"use client";

import { useState, useTransition, type FormEvent } from "react";
import { FormAlert } from "@/components/settings/form-alert";
import { PendingButton } from "@/components/settings/pending-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAnswer } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { fieldErrors, IDLE, type FormState } from "@/lib/forms/action-state";
import type { StoredSettings } from "@/lib/server/use-cases/rotation-settings-input";
import { previewSettingsAction, updateSettingsAction } from "./fairness-actions";

interface RotationSettingsFormProps {
  rotationId: string;
  settings: StoredSettings;
}

/**
 * The rotation's fairness settings (DESIGN §5, §8). Saving asks the server first what the
 * change does to counts; when any count moves, the figures are shown for confirmation.
 */
export function RotationSettingsForm({ rotationId, settings }: RotationSettingsFormProps) {
  const [state, setState] = useState<FormState>(IDLE);
  const [pending, startTransition] = useTransition();
  const [confirm, setConfirm] = useState<{ formData: FormData; text: string } | null>(null);
  const toast = useToast();

  const save = (formData: FormData) =>
    startTransition(async () => {
      const next = await updateSettingsAction(rotationId, IDLE, formData);
      setState(next);
      setConfirm(null);
      if (next.status === "success") toast(next.message);
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const preview = await previewSettingsAction(rotationId, formData);
      if (!preview.ok) return setState({ status: "error", message: preview.error.message, fields: preview.error.fields ?? {} });
      if (preview.value.changes.length === 0) return save(formData);
      const figures = preview.value.changes.map((c) => `${c.name} ${c.from} → ${c.to}`).join(", ");
      setConfirm({ formData, text: `Saving changes these counts now: ${figures}.` });
    });
  };

  const errors = (name: string) => fieldErrors(state, name);
  return (
    <FormAnswer value={state}>
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        {state.status === "error" && Object.keys(state.fields).length === 0 && <FormAlert message={state.message} />}
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField label="Count window" name="countWindow" defaultValue={settings.countWindow} errors={errors("countWindow")} hint="Since the last reset counts everything since members last changed; monthly starts again on the 1st.">
            <option value="since_reset">Since the last reset</option>
            <option value="monthly">Monthly</option>
          </SelectField>
          <TextField label="Time zone" name="timeZone" defaultValue={settings.timeZone} errors={errors("timeZone")} hint="Where a monthly window's months begin, e.g. Europe/Paris." autoComplete="off" />
          <SelectField label="When someone joins" name="newcomerPolicy" defaultValue={settings.newcomerPolicy} errors={errors("newcomerPolicy")} hint="Start level: nobody's count resets; the newcomer starts at the lowest count.">
            <option value="reset_everyone">Reset every count</option>
            <option value="start_level">Start level with the others</option>
          </SelectField>
          <SelectField label="When someone returns" name="returnPolicy" defaultValue={settings.returnPolicy} errors={errors("returnPolicy")} hint="Keep level: time away is credited with the others' share, so they are not flooded on return.">
            <option value="catch_up">Catch up</option>
            <option value="keep_level">Keep level</option>
          </SelectField>
          <SelectField label="No-shows and cancellations count" name="countNoShows" defaultValue={settings.countNoShows ? "yes" : "no"} errors={errors("countNoShows")} hint="No: a meeting marked no-show or canceled by the contact gives its host one back.">
            <option value="yes">Yes, they count</option>
            <option value="no">No, credit the host back</option>
          </SelectField>
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-medium text-slate-800">Caps per member (in each member&apos;s time zone; empty = no cap)</legend>
          <TextField label="Daily cap" name="dailyCap" inputMode="numeric" defaultValue={settings.dailyCap ?? ""} errors={errors("dailyCap")} />
          <TextField label="Weekly cap" name="weeklyCap" inputMode="numeric" defaultValue={settings.weeklyCap ?? ""} errors={errors("weeklyCap")} hint="Monday to Sunday." />
          <TextField label="Monthly cap" name="monthlyCap" inputMode="numeric" defaultValue={settings.monthlyCap ?? ""} errors={errors("monthlyCap")} />
        </fieldset>
        <div className="flex justify-end">
          <PendingButton pending={pending && confirm === null} pendingLabel="Saving…">
            Save settings
          </PendingButton>
        </div>
        <ConfirmDialog
          open={confirm !== null}
          onOpenChange={(open) => !open && setConfirm(null)}
          title="Counts will change"
          description={confirm?.text ?? ""}
          confirmLabel="Save and change counts"
          tone="primary"
          pending={pending}
          onConfirm={() => confirm && save(confirm.formData)}
        />
      </form>
    </FormAnswer>
  );
}

"use client";

import { DialogFormButton } from "@/components/settings/dialog-form-button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { fieldErrors } from "@/lib/forms/action-state";
import { addOutOfOfficeAction } from "./actions";

interface AddPeriodButtonProps {
  /** Admins pick whose period it is; everyone else adds their own. */
  users: Array<{ id: string; name: string; timeZone: string }> | null;
  self: { id: string; timeZone: string };
}

/** "Add out-of-office period" (DESIGN §5, R16): start and end in the person's own time zone. */
export function AddPeriodButton({ users, self }: AddPeriodButtonProps) {
  return (
    <DialogFormButton
      label="Add out-of-office period"
      title="Add out-of-office period"
      description="While it runs, the person is skipped in every rotation with “Out of office until …”."
      action={addOutOfOfficeAction}
      submitLabel="Add period"
      pendingLabel="Adding…"
    >
      {(state) => (
        <>
          {users && (
            <SelectField label="User" name="userId" defaultValue={self.id} errors={fieldErrors(state, "userId")}>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.timeZone})
                </option>
              ))}
            </SelectField>
          )}
          <TextField label="Start" name="start" type="datetime-local" required errors={fieldErrors(state, "start")} hint="In the person's own time zone." />
          <TextField label="End" name="end" type="datetime-local" required errors={fieldErrors(state, "end")} />
          <TextField label="Note" name="note" maxLength={200} errors={fieldErrors(state, "note")} hint="Optional, e.g. “Holiday”." />
        </>
      )}
    </DialogFormButton>
  );
}

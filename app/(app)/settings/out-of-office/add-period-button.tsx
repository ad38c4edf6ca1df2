"use client";

import { DialogFormButton } from "@/components/settings/dialog-form-button";
import { UserSearchField } from "@/components/settings/user-search-field";
import { TextField } from "@/components/ui/text-field";
import { fieldErrors } from "@/lib/forms/action-state";
import { addOutOfOfficeAction } from "./actions";

interface AddPeriodButtonProps {
  /** Admins pick whose period it is (searching the organisation); everyone else adds their own. */
  canChooseUser: boolean;
  self: { id: string; name: string; email: string; timeZone: string };
}

/** "Add out-of-office period" (DESIGN §5, R16): start and end in the person's own time zone. */
export function AddPeriodButton({ canChooseUser, self }: AddPeriodButtonProps) {
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
          {canChooseUser && <UserSearchField label="User" name="userId" initial={self} errors={fieldErrors(state, "userId")} />}
          <TextField label="Start" name="start" type="datetime-local" required errors={fieldErrors(state, "start")} hint="In the person's own time zone." />
          <TextField label="End" name="end" type="datetime-local" required errors={fieldErrors(state, "end")} />
          <TextField label="Note" name="note" maxLength={200} errors={fieldErrors(state, "note")} hint="Optional, e.g. “Holiday”." />
        </>
      )}
    </DialogFormButton>
  );
}

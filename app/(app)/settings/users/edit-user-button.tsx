"use client";

import { useMemo } from "react";
import { DialogFormButton } from "@/components/settings/dialog-form-button";
import type { SettingsUser } from "@/lib/server/queries/users";
import { updateUserAction } from "./actions";
import { UserFields } from "./user-fields";

/** "Edit" for one user, opening their settings in a side panel. */
export function EditUserButton({ user }: { user: SettingsUser }) {
  const action = useMemo(() => updateUserAction.bind(null, user.id), [user.id]);
  return (
    <DialogFormButton
      label={
        <>
          Edit<span className="sr-only"> {user.name}</span>
        </>
      }
      buttonVariant="secondary"
      buttonClassName="px-2.5 py-1.5"
      variant="side"
      title={`Edit ${user.name}`}
      description={user.email}
      action={action}
      submitLabel="Save"
      pendingLabel="Saving…"
      successMessage={(state) => (state.detail ? `${user.name} saved. ${state.detail}` : `${user.name} saved.`)}
    >
      {(state) => <UserFields user={user} state={state} />}
    </DialogFormButton>
  );
}

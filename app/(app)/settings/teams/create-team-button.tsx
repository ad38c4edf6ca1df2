"use client";

import { DialogFormButton } from "@/components/settings/dialog-form-button";
import { createTeamAction } from "./actions";
import { TeamNameField } from "./team-name-field";

export function CreateTeamButton() {
  return (
    <DialogFormButton
      label="Create team"
      variant="side"
      title="Create team"
      description="Add members once it exists. A rotation that includes the team follows its members."
      action={createTeamAction}
      submitLabel="Create"
      pendingLabel="Creating…"
    >
      {(state) => <TeamNameField state={state} />}
    </DialogFormButton>
  );
}

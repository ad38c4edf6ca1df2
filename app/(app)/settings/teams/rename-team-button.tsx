"use client";

import { useMemo } from "react";
import { DialogFormButton } from "@/components/settings/dialog-form-button";
import { renameTeamAction } from "./actions";
import { TeamNameField } from "./team-name-field";

export function RenameTeamButton({ teamId, name }: { teamId: string; name: string }) {
  const action = useMemo(() => renameTeamAction.bind(null, teamId), [teamId]);
  return (
    <DialogFormButton
      label={
        <>
          Rename<span className="sr-only"> {name}</span>
        </>
      }
      buttonVariant="secondary"
      buttonClassName="px-2.5 py-1.5"
      title={`Rename ${name}`}
      description="Rotations that include the team keep it; no count resets."
      widthClass="w-[min(28rem,95vw)]"
      action={action}
      submitLabel="Save"
      pendingLabel="Saving…"
    >
      {(state) => <TeamNameField state={state} initialName={name} />}
    </DialogFormButton>
  );
}

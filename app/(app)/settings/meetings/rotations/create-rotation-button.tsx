"use client";

import { useRouter } from "next/navigation";
import { DialogFormButton } from "@/components/settings/dialog-form-button";
import { RotationFields } from "@/components/settings/rotation-fields";
import { createRotationAction } from "./actions";

const EMPTY = { name: "", distribution: "even" as const, userIds: [], teamIds: [], weights: {} };
const NOBODY = { users: [], teams: [] };

/** "Create rotation" and its side panel; on success, the new rotation's page. */
export function CreateRotationButton() {
  const router = useRouter();
  return (
    <DialogFormButton
      label="Create rotation"
      variant="side"
      title="Create rotation"
      description="Members share the meetings booked through this rotation."
      action={createRotationAction}
      submitLabel="Create"
      pendingLabel="Creating…"
      onSuccess={(state) => {
        if (state.id) router.push(`/settings/meetings/rotations/${state.id}`);
      }}
    >
      {(state) => <RotationFields state={state} options={NOBODY} initial={EMPTY} />}
    </DialogFormButton>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { RotationForm } from "@/components/settings/rotation-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { MemberOptions } from "@/lib/server/queries/users";
import { createRotationAction } from "./actions";

const EMPTY = { name: "", distribution: "even" as const, userIds: [], teamIds: [], weights: {} };

/** "Create rotation" and its side panel; on success, the new rotation's page. */
export function CreateRotationButton({ options }: { options: MemberOptions }) {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const router = useRouter();
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create rotation</Button>
      <Dialog open={open} onOpenChange={setOpen} variant="side" title="Create rotation" description="Members share the meetings booked through this rotation.">
        <RotationForm
          action={createRotationAction}
          options={options}
          initial={EMPTY}
          submitLabel="Create"
          pendingLabel="Creating…"
          onSuccess={(state) => {
            setOpen(false);
            toast(state.message);
            if (state.id) router.push(`/settings/meetings/rotations/${state.id}`);
          }}
        />
      </Dialog>
    </>
  );
}

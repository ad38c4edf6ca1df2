"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { renameTeamAction } from "./actions";
import { TeamNameForm } from "./team-name-form";

export function RenameTeamButton({ teamId, name }: { teamId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const action = useMemo(() => renameTeamAction.bind(null, teamId), [teamId]);
  return (
    <>
      <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setOpen(true)}>
        Rename<span className="sr-only"> {name}</span>
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={`Rename ${name}`} description="Rotations that include the team keep it; no count resets." widthClass="w-[min(28rem,95vw)]">
        <TeamNameForm
          action={action}
          initialName={name}
          submitLabel="Save"
          pendingLabel="Saving…"
          onSuccess={(state) => {
            setOpen(false);
            toast(state.message);
          }}
        />
      </Dialog>
    </>
  );
}

"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { createTeamAction } from "./actions";
import { TeamNameForm } from "./team-name-form";

export function CreateTeamButton() {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create team</Button>
      <Dialog open={open} onOpenChange={setOpen} variant="side" title="Create team" description="Add members once it exists. A rotation that includes the team follows its members.">
        <TeamNameForm
          action={createTeamAction}
          submitLabel="Create"
          pendingLabel="Creating…"
          onSuccess={(state) => {
            setOpen(false);
            toast(state.message);
          }}
        />
      </Dialog>
    </>
  );
}

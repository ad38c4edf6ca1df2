"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { deleteTeamAction } from "./actions";

export function DeleteTeamButton({ teamId, name, rotationNames }: { teamId: string; name: string; rotationNames: string[] }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const effect =
    rotationNames.length > 0
      ? `It leaves ${rotationNames.join(", ")}: members who are there only through this team leave too. No count resets.`
      : "It is not part of any rotation.";
  return (
    <>
      <Button variant="ghost" className="px-2.5 py-1.5 text-red-700! hover:bg-red-50" onClick={() => setOpen(true)}>
        Delete<span className="sr-only"> {name}</span>
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete the team ${name}?`}
        description={`The users stay; only the team goes. ${effect}`}
        confirmLabel="Delete team"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await deleteTeamAction(teamId);
            setOpen(false);
            if (result.ok) toast(`The team ${result.value.name} was deleted.`);
            else toast(result.error.message, "error");
          })
        }
      />
    </>
  );
}

"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { removeTeamMemberAction } from "./actions";

/** Removes a user from a team at once: leaving resets nothing (R7), and they can be added back. */
export function RemoveTeamMemberButton({ teamId, teamName, userId, name }: { teamId: string; teamName: string; userId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  return (
    <Button
      variant="ghost"
      className="px-2 py-1 text-xs"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await removeTeamMemberAction(teamId, userId);
          if (result.ok) toast(`${name} left ${teamName}.`);
          else toast(result.error.message, "error");
        })
      }
    >
      {pending ? "Removing…" : "Remove"}
      <span className="sr-only">
        {" "}
        {name} from {teamName}
      </span>
    </Button>
  );
}

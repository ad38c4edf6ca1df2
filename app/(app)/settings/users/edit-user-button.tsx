"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { SettingsUser } from "@/lib/server/queries/users";
import { updateUserAction } from "./actions";
import { UserForm } from "./user-form";

/** "Edit" for one user, opening their settings in a side panel. */
export function EditUserButton({ user }: { user: SettingsUser }) {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const action = useMemo(() => updateUserAction.bind(null, user.id), [user.id]);
  return (
    <>
      <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setOpen(true)}>
        Edit<span className="sr-only"> {user.name}</span>
      </Button>
      <Dialog open={open} onOpenChange={setOpen} variant="side" title={`Edit ${user.name}`} description={user.email}>
        <UserForm
          user={user}
          action={action}
          onSuccess={(state) => {
            setOpen(false);
            toast(state.detail ? `${user.name} saved. ${state.detail}` : `${user.name} saved.`);
          }}
        />
      </Dialog>
    </>
  );
}

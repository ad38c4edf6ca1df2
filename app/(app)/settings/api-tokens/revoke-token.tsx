"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { revokeTokenAction } from "./actions";

export function RevokeToken({ tokenId, name }: { tokenId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const revoke = () =>
    startTransition(async () => {
      const result = await revokeTokenAction(tokenId);
      toast(result.message, result.ok ? "success" : "error");
      if (result.ok) setOpen(false);
    });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke “${name}”?`}
        description="Scripts and integrations that use this token stop working at once. This cannot be undone."
        confirmLabel="Revoke token"
        onConfirm={revoke}
        pending={pending}
      />
    </>
  );
}

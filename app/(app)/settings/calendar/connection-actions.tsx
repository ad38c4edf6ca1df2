"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { disconnectCalendarAction, syncCalendarNowAction } from "./actions";

/** Sync now and Disconnect for the connected calendar. */
export function ConnectionActions() {
  const [syncing, startSync] = useTransition();
  const [disconnecting, startDisconnect] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const router = useRouter();
  const syncNow = () =>
    startSync(async () => {
      const result = await syncCalendarNowAction();
      if (!result.ok) return toast(result.error.message, "error");
      toast(result.value.ok ? "Calendar synced." : `Sync failed: ${result.value.error}`, result.value.ok ? "success" : "error");
      router.refresh();
    });
  const disconnect = () =>
    startDisconnect(async () => {
      const result = await disconnectCalendarAction();
      if (!result.ok) return toast(result.error.message, "error");
      setConfirming(false);
      toast("Calendar disconnected.");
      router.refresh();
    });
  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={syncNow} disabled={syncing} aria-disabled={syncing}>
        {syncing ? "Syncing…" : "Sync now"}
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Disconnect
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Disconnect this calendar?"
        description="Its busy time is removed and you are no longer eligible for rotations until you connect a calendar again. Meetings already written to it stay there."
        confirmLabel="Disconnect calendar"
        onConfirm={disconnect}
        pending={disconnecting}
      />
    </div>
  );
}

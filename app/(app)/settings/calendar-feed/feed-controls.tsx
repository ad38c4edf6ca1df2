"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { useToast } from "@/components/ui/toast";
import { createFeedAction, revokeFeedAction } from "./actions";

export function FeedControls({ hasFeed, origin }: { hasFeed: boolean; origin: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"replace" | "revoke" | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();

  const create = () =>
    startTransition(async () => {
      const result = await createFeedAction();
      setConfirming(null);
      if (!result.ok) return toast(result.error.message, "error");
      setUrl(`${origin}/api/calendar-feed/${result.value.token}.ics`);
    });
  const revoke = () =>
    startTransition(async () => {
      const result = await revokeFeedAction();
      setConfirming(null);
      if (!result.ok) return toast(result.error.message, "error");
      setUrl(null);
      toast("Feed URL revoked. Calendar apps using it stop updating.");
    });

  return (
    <div className="space-y-4">
      {url && (
        <div className="rounded-md border border-green-200 bg-green-50 p-4 text-sm">
          <CopyField id="feed-url" label={<span className="text-green-900">Your feed URL (shown once — copy it now)</span>} value={url} />
        </div>
      )}
      <div className="flex gap-2">
        {hasFeed || url ? (
          <>
            <Button variant="secondary" onClick={() => setConfirming("replace")}>
              Replace feed URL
            </Button>
            <Button variant="danger" onClick={() => setConfirming("revoke")}>
              Revoke feed URL
            </Button>
          </>
        ) : (
          <Button onClick={create} disabled={pending}>
            {pending ? "Creating…" : "Create feed URL"}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={confirming === "revoke" ? "Revoke the feed URL?" : "Replace the feed URL?"}
        description="Calendar apps subscribed to the current URL will stop receiving your meetings."
        confirmLabel={confirming === "revoke" ? "Revoke feed URL" : "Replace feed URL"}
        onConfirm={confirming === "revoke" ? revoke : create}
        pending={pending}
      />
    </div>
  );
}

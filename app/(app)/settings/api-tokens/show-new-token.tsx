"use client";

import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";

/** The one moment the token exists in readable form. */
export function ShowNewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Token “{name}” created. Copy it now: it will not be shown again.
      </p>
      <CopyField id="new-api-token" label={<span className="text-slate-700">Your new token</span>} value={token} inputClassName="bg-slate-50" />
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}

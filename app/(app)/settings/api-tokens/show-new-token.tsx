"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The one moment the token exists in readable form. */
export function ShowNewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (permissions, plain http); the field stays selectable.
      setCopied(false);
    }
  };
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Token “{name}” created. Copy it now: it will not be shown again.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor="new-api-token" className="text-sm font-medium text-slate-700">
          Your new token
        </label>
        <div className="flex gap-2">
          <input
            id="new-api-token"
            readOnly
            value={token}
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
          />
          <Button variant="secondary" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}

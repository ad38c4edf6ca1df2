"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { Button } from "./button";

type CopyState = "idle" | "copied" | "failed";

/** How long the button says "Copied" before it offers to copy again. */
const COPIED_FOR_MS = 2000;

/**
 * A read-only value (a secret URL, a token) with a Copy button beside it. Copying is
 * confirmed on the button and announced to screen readers; when the browser refuses the
 * clipboard (permissions, plain http) the field says so and selects the text for a manual copy.
 */
export function CopyField({ label, value, id, inputClassName = "bg-white" }: { label: ReactNode; value: string; id?: string; /** The background, e.g. "bg-slate-50". */ inputClassName?: string }) {
  const generated = useId();
  const inputId = id ?? generated;
  const statusId = `${inputId}-copy-status`;
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = window.setTimeout(() => setState("idle"), COPIED_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
    }
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={state === "failed" ? statusId : undefined}
          className={`min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm ${inputClassName}`}
        />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          {state === "copied" ? (
            <>
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 text-green-700" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d="M3 8.5 6.5 12 13 4.5" />
              </svg>
              Copied
            </>
          ) : (
            "Copy"
          )}
        </Button>
      </div>
      {/* Always in the page, so the announcement is heard when its text changes. */}
      <p id={statusId} role="status" className={state === "failed" ? "text-sm text-red-700" : "sr-only"}>
        {state === "copied" && "Copied to the clipboard."}
        {state === "failed" && "Your browser did not allow copying. The text is selected: press Ctrl+C (⌘C on a Mac) to copy it."}
      </p>
    </div>
  );
}

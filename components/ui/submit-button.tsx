"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A form's submit button that shows the pending state while the action runs. */
export function SubmitButton({ children, pendingLabel, className }: { children: string; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

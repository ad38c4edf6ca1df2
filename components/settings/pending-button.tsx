import { Button } from "@/components/ui/button";

/** A submit button showing the pending state of a form submitted through useActionForm. */
export function PendingButton({ pending, children, pendingLabel }: { pending: boolean; children: string; pendingLabel: string }) {
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

import { Button } from "@/components/ui/button";

/**
 * A submit button showing the pending state of a form submitted through useActionForm.
 * `busy` (a check before the action, such as a confirmation's preview) only marks it
 * aria-disabled: a disabled button drops focus, and the confirmation gives focus back to it.
 */
export function PendingButton({ pending, busy = false, children, pendingLabel }: { pending: boolean; busy?: boolean; children: string; pendingLabel: string }) {
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending || busy}>
      {pending || busy ? pendingLabel : children}
    </Button>
  );
}

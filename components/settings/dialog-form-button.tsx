"use client";

import { useEffect, useEffectEvent, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { FormAnswer } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { hasFormLevelMessage, type FormState } from "@/lib/forms/action-state";
import { FormAlert } from "./form-alert";
import { PendingButton } from "./pending-button";
import { useActionForm } from "./use-action-form";

export type FormSuccess = Extract<FormState, { status: "success" }>;

/** What to ask before submitting, e.g. a reset of counts with the server's figures. */
export interface SubmitConfirmation {
  title: string;
  description: string;
  details?: ReactNode;
  confirmLabel: string;
}

interface DialogFormButtonProps {
  /** The button's content; a visually hidden part may name the row it acts on. */
  label: ReactNode;
  buttonVariant?: "primary" | "secondary";
  buttonClassName?: string;
  title: string;
  description?: string;
  /** "side" for the settings panels, "center" for a small dialog. */
  variant?: "center" | "side";
  widthClass?: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel: string;
  /** The toast after a success; the action's own message unless given. */
  successMessage?: (state: FormSuccess) => string;
  /** Runs after the dialog closed and the toast showed, e.g. to open what was created. */
  onSuccess?: (state: FormSuccess) => void;
  /**
   * Asked before each submit: a confirmation to show first, or null to submit at once. A
   * confirmed submit carries `confirmed=yes`, so the action can refuse what was not confirmed.
   */
  confirm?: (formData: FormData) => Promise<SubmitConfirmation | null>;
  /** The fields, given the action's latest state so they can show their errors. */
  children: (state: FormState) => ReactNode;
}

/**
 * A button that opens a dialog holding one server-action form: the form-level error, the
 * pending submit button, and on success closing, a toast and `onSuccess`. The fields are the
 * caller's. The dialog's content is unmounted while closed, so every opening starts afresh.
 */
export function DialogFormButton({ label, buttonVariant = "primary", buttonClassName, title, description, variant, widthClass, successMessage, onSuccess, ...form }: DialogFormButtonProps) {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const trigger = useRef<HTMLButtonElement>(null);
  // The save re-renders the page; when that moves the row holding this button (a table in
  // ranking order), the browser drops focus to the body. For a moment after closing, put it
  // back where it came from whenever it lands there.
  const returnFocus = () => {
    const started = Date.now();
    const timer = window.setInterval(() => {
      if (document.activeElement === null || document.activeElement === document.body) trigger.current?.focus();
      if (Date.now() - started > 3000) window.clearInterval(timer);
    }, 100);
  };
  return (
    <>
      <Button ref={trigger} variant={buttonVariant} className={buttonClassName} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={title} description={description} variant={variant} widthClass={widthClass}>
        <DialogForm
          {...form}
          onSuccess={(state) => {
            setOpen(false);
            returnFocus();
            toast(successMessage?.(state) ?? state.message);
            onSuccess?.(state);
          }}
        />
      </Dialog>
    </>
  );
}

interface DialogFormProps extends Pick<DialogFormButtonProps, "action" | "submitLabel" | "pendingLabel" | "confirm" | "children"> {
  onSuccess: (state: FormSuccess) => void;
}

function DialogForm({ action, submitLabel, pendingLabel, confirm, onSuccess, children }: DialogFormProps) {
  const { state, pending, onSubmit, submit } = useActionForm(action);
  const [checking, startChecking] = useTransition();
  // The confirmation belongs to the state it was asked in: the next result (errors shown in
  // the panel, or success closing it) closes it.
  const [awaiting, setAwaiting] = useState<{ formData: FormData; confirmation: SubmitConfirmation; asked: FormState } | null>(null);
  const confirming = awaiting !== null && awaiting.asked === state;
  const notifySuccess = useEffectEvent(onSuccess);
  useEffect(() => {
    if (state.status === "success") notifySuccess(state);
  }, [state]);
  const confirmFirst = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!confirm || pending || checking) return;
    const formData = new FormData(event.currentTarget);
    startChecking(async () => {
      // A check that fails submits unconfirmed: the action then refuses what needed confirming.
      const confirmation = await confirm(formData).catch(() => null);
      if (confirmation) setAwaiting({ formData, confirmation, asked: state });
      else submit(formData);
    });
  };
  return (
    <form onSubmit={confirm ? confirmFirst : onSubmit} noValidate className="flex flex-col gap-5">
      {hasFormLevelMessage(state) && <FormAlert message={state.message} />}
      <FormAnswer value={state}>{children(state)}</FormAnswer>
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
        <PendingButton pending={pending} busy={checking} pendingLabel={pendingLabel}>
          {submitLabel}
        </PendingButton>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (!open && !pending) setAwaiting(null);
        }}
        title={awaiting?.confirmation.title ?? ""}
        description={awaiting?.confirmation.description ?? ""}
        details={awaiting?.confirmation.details}
        confirmLabel={awaiting?.confirmation.confirmLabel ?? ""}
        pending={pending}
        onConfirm={() => {
          if (!awaiting) return;
          awaiting.formData.set("confirmed", "yes");
          submit(awaiting.formData);
        }}
      />
    </form>
  );
}

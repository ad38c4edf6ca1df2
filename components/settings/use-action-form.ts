"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { IDLE, type FormState } from "@/lib/forms/action-state";

/**
 * useActionState for the settings panels, submitted from onSubmit rather than `<form action>`.
 * A form action makes React reset the form afterwards, and that reset unchecks controlled
 * radio buttons (the rotation panel's distribution) even when the action failed and the
 * panel stays open with its errors. The panels need JavaScript anyway (they are dialogs).
 */
export function useActionForm(action: (state: FormState, formData: FormData) => Promise<FormState>) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const submit = (formData: FormData) => startTransition(() => dispatch(formData));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  };
  return { state, pending, onSubmit, submit };
}

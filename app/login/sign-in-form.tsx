"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { signIn, type SignInState } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [state, formAction] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <FormAnswer value={state}>
        <TextField label="Email" name="email" type="email" autoComplete="username" defaultValue={state.email} errors={state.fields?.email} required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" errors={state.fields?.password} required />
      </FormAnswer>
      {next && <input type="hidden" name="next" value={next} />}
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAnswer } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { createTokenAction, type CreateTokenState } from "./actions";
import { ShowNewToken } from "./show-new-token";

/** "Create token" opens a dialog; after creating, the same dialog shows the token once. */
export function CreateToken() {
  const [open, setOpen] = useState(false);
  // A fresh form (and so a fresh action state) every time the dialog opens: a token shown
  // once must not reappear when the dialog is opened again.
  const [round, setRound] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setRound((r) => r + 1);
          setOpen(true);
        }}
      >
        Create token
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="Create API token">
        <CreateTokenForm key={round} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreateTokenForm({ onDone }: { onDone: () => void }) {
  const [state, formAction] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  if (state.created) return <ShowNewToken name={state.created.name} token={state.created.token} onDone={onDone} />;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.message && !state.fields && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <FormAnswer value={state}>
      <TextField
        label="Token name"
        name="name"
        defaultValue={state.name}
        errors={state.fields?.name}
        hint="What will use it, e.g. “Website form” or “CRM workflow”."
        maxLength={100}
        required
        autoFocus
      />
      </FormAnswer>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Creating…">Create</SubmitButton>
      </div>
    </form>
  );
}

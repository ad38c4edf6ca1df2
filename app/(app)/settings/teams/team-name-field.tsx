"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { fieldErrors, type FormState } from "@/lib/forms/action-state";

/** A team's name, for creating and for renaming. */
export function TeamNameField({ state, initialName = "" }: { state: FormState; initialName?: string }) {
  const [name, setName] = useState(initialName);
  return <TextField label="Team name" name="name" value={name} onChange={(event) => setName(event.target.value)} errors={fieldErrors(state, "name")} maxLength={100} autoComplete="off" required />;
}

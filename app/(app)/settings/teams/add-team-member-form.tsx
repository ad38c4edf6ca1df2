"use client";

import { useActionState, useEffect, useId, useMemo, useRef } from "react";
import { IDLE, fieldErrors } from "@/lib/forms/action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import type { MemberOption } from "@/lib/server/queries/users";
import { addTeamMemberAction } from "./actions";

interface AddTeamMemberFormProps {
  teamId: string;
  teamName: string;
  candidates: MemberOption[];
  rotationNames: string[];
}

/** Adds one user to a team; rotations that include the team gain them as a new member (R2, R7). */
export function AddTeamMemberForm({ teamId, teamName, candidates, rotationNames }: AddTeamMemberFormProps) {
  const action = useMemo(() => addTeamMemberAction.bind(null, teamId), [teamId]);
  const [state, formAction] = useActionState(action, IDLE);
  const toast = useToast();
  const id = useId();
  // Once added, the user is no longer a candidate; remember the name for the confirmation.
  const submittedName = useRef("The user");

  const handled = useRef(state);
  useEffect(() => {
    // Once per result, not again when the team is renamed.
    if (handled.current === state) return;
    handled.current = state;
    if (state.status === "success") toast(`${submittedName.current} joined ${teamName}.${state.detail ? ` ${state.detail}` : ""}`);
    else if (state.status === "error" && !fieldErrors(state, "userId")) toast(state.message, "error");
  }, [state, teamName, toast]);

  if (candidates.length === 0) return <p className="text-sm text-slate-600">Everyone is already in this team.</p>;
  const errors = fieldErrors(state, "userId");
  const hint = rotationNames.length > 0 ? `Joining resets every count in ${rotationNames.join(", ")}.` : undefined;
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const select = event.currentTarget.elements.namedItem("userId");
        if (select instanceof HTMLSelectElement) submittedName.current = candidates.find((c) => c.id === select.value)?.name ?? "The user";
      }}
      className="flex flex-wrap items-end gap-2"
    >
      <div className="flex min-w-64 flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          Add a member to {teamName}
        </label>
        <select
          id={id}
          name="userId"
          // Uncontrolled: React resets the form after the action, back to "Choose a user…".
          defaultValue=""
          aria-describedby={[hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
          aria-invalid={errors ? true : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
        >
          <option value="">Choose a user…</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.ineligibleText ? `${user.name} (not eligible: ${user.ineligibleText.toLowerCase()})` : user.name}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pendingLabel="Adding…">Add</SubmitButton>
      {hint && (
        <p id={`${id}-hint`} className="w-full text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors && (
        <p id={`${id}-error`} className="w-full text-sm text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </form>
  );
}

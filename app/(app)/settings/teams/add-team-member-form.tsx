"use client";

import { startTransition, useActionState, useEffect, useId, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { describeCountImpact } from "@/components/settings/count-impact-text";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { needsResetConfirmation } from "@/lib/domain/count-impact";
import { IDLE, fieldErrors } from "@/lib/forms/action-state";
import type { TeamJoinPreview } from "@/lib/server/queries/count-impact";
import type { MemberOption } from "@/lib/server/queries/users";
import { addTeamMemberAction, previewTeamJoinAction } from "./actions";

interface AddTeamMemberFormProps {
  teamId: string;
  teamName: string;
  candidates: MemberOption[];
  rotationNames: string[];
}

/** An add waiting for the admin to confirm what it does to counts. */
interface AwaitingConfirmation {
  formData: FormData;
  preview: TeamJoinPreview;
}

/**
 * Adds one user to a team; rotations that include the team gain them as a new member (R2).
 * When that resets counts somewhere (R7), the server's figures are shown and the admin
 * confirms first; the server refuses a reset that was not confirmed.
 */
export function AddTeamMemberForm({ teamId, teamName, candidates, rotationNames }: AddTeamMemberFormProps) {
  const action = useMemo(() => addTeamMemberAction.bind(null, teamId), [teamId]);
  const [state, dispatch, adding] = useActionState(action, IDLE);
  const [checking, startChecking] = useTransition();
  const [awaiting, setAwaiting] = useState<AwaitingConfirmation | null>(null);
  const toast = useToast();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // Once added, the user is no longer a candidate; remember the name for the confirmation.
  const submittedName = useRef("The user");

  const handled = useRef(state);
  useEffect(() => {
    // Once per result, not again when the team is renamed.
    if (handled.current === state) return;
    handled.current = state;
    setAwaiting(null);
    if (state.status === "success") {
      form.current?.reset();
      toast(`${submittedName.current} joined ${teamName}.${state.detail ? ` ${state.detail}` : ""}`);
    } else if (state.status === "error" && !fieldErrors(state, "userId")) toast(state.message, "error");
  }, [state, teamName, toast]);

  const add = (formData: FormData, confirmedResets: readonly string[]) => {
    for (const rotationId of confirmedResets) formData.append("confirmedReset", rotationId);
    startTransition(() => dispatch(formData));
  };
  const busy = checking || adding;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const formData = new FormData(event.currentTarget);
    const userId = formData.get("userId");
    submittedName.current = candidates.find((c) => c.id === userId)?.name ?? "The user";
    startChecking(async () => {
      // A check that fails adds unconfirmed: the server then refuses any reset.
      const preview = await previewTeamJoinAction(teamId, userId).catch(() => null);
      // A refused preview (no one chosen, a user gone) is refused by the add too, with its field errors.
      if (preview?.ok && needsResetConfirmation(preview.value.rotations)) setAwaiting({ formData, preview: preview.value });
      else add(formData, []);
    });
  };

  if (candidates.length === 0) return <p className="text-sm text-slate-600">Everyone is already in this team.</p>;
  const errors = fieldErrors(state, "userId");
  const hint = rotationNames.length > 0 ? `Joining ${teamName} also joins ${rotationNames.join(", ")}. If that resets counts, you confirm first.` : undefined;
  const text = awaiting && describeCountImpact(`Adding ${awaiting.preview.user.name} to ${awaiting.preview.team.name}`, awaiting.preview.rotations);
  return (
    <>
      <form ref={form} action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-col gap-1 sm:min-w-64">
          <label htmlFor={id} className="text-sm font-medium text-slate-700">
            Add a member to {teamName}
          </label>
          <select
            id={id}
            name="userId"
            // Uncontrolled: reset after an add, back to "Choose a user…".
            defaultValue=""
            aria-describedby={[hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
            aria-invalid={errors ? true : undefined}
            className="max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          >
            <option value="">Choose a user…</option>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {user.ineligibleText ? `${user.name} (not eligible: ${user.ineligibleText.toLowerCase()})` : user.name}
              </option>
            ))}
          </select>
        </div>
        {/* aria-disabled, not disabled: a disabled button drops focus, which the confirmation gives back to it. */}
        <Button type="submit" aria-disabled={busy}>
          {busy ? "Adding…" : "Add"}
        </Button>
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
      <ConfirmDialog
        open={awaiting !== null}
        onOpenChange={(open) => {
          if (!open && !adding) setAwaiting(null);
        }}
        title={awaiting ? `Add ${awaiting.preview.user.name} to ${awaiting.preview.team.name}?` : ""}
        description={text ? text.resets.join(" ") : ""}
        details={
          text && (text.levels.length > 0 || text.warnings.length > 0) ? (
            <>
              {[...text.levels, ...text.warnings].map((sentence) => (
                <p key={sentence}>{sentence}</p>
              ))}
            </>
          ) : undefined
        }
        confirmLabel="Add and reset counts"
        pending={adding}
        onConfirm={() => {
          if (!awaiting) return;
          add(awaiting.formData, awaiting.preview.rotations.filter((r) => r.effect === "reset").map((r) => r.rotationId));
        }}
      />
    </>
  );
}

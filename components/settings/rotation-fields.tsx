"use client";

import { useMemo, useState } from "react";
import { TextField } from "@/components/ui/text-field";
import type { NewcomerPolicy } from "@/lib/domain/rotation-settings";
import type { MemberOptions } from "@/lib/server/queries/users";
import { fieldErrors, fieldErrorsUnder, type FormState } from "@/lib/forms/action-state";
import { mergeKnown, type Selection } from "./member-picker-options";
import { MemberPicker } from "./member-picker";
import { WeightsFieldset } from "./weights-fieldset";

export interface RotationFormValues {
  name: string;
  distribution: "even" | "weighted";
  userIds: string[];
  teamIds: string[];
  weights: Record<string, number>;
}

interface RotationFieldsProps {
  /** The action's latest state, for the errors beside each field. */
  state: FormState;
  /** The chosen users and teams, and the teams' members; the picker searches for the rest. */
  options: MemberOptions;
  initial: RotationFormValues;
  /** Set when editing: who is a member now, to warn before a change that resets counts (R7). */
  currentMemberIds?: readonly string[];
  /** What a newcomer does to counts in this rotation (R7 or R15). */
  newcomerPolicy?: NewcomerPolicy;
}

/** Who would be a member with this selection: users chosen directly plus every user of a chosen team (R2). */
function prospectiveMemberIds(selection: Selection, options: MemberOptions): string[] {
  const ids = new Set(selection.userIds);
  for (const team of options.teams) if (selection.teamIds.includes(team.id)) for (const id of team.memberIds) ids.add(id);
  return [...ids];
}

/** The rotation panel's fields, for both Create and Edit: name, members, distribution, weights. */
export function RotationFields({ state, options, initial, currentMemberIds, newcomerPolicy = "reset_everyone" }: RotationFieldsProps) {
  const [name, setName] = useState(initial.name);
  const [distribution, setDistribution] = useState(initial.distribution);
  const [selection, setSelection] = useState<Selection>({ userIds: initial.userIds, teamIds: initial.teamIds });
  // Everyone the form has heard of: the chosen ones it started with, and whatever was picked since.
  const [known, setKnown] = useState<MemberOptions>(options);
  const [weights, setWeights] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(initial.weights).map(([id, w]) => [id, String(w)])));

  const prospective = useMemo(() => prospectiveMemberIds(selection, known), [selection, known]);
  const people = useMemo(() => new Map(known.users.map((user) => [user.id, user])), [known]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const joining = currentMemberIds ? prospective.filter((id) => !currentMemberIds.includes(id)) : [];
  const leaving = currentMemberIds ? currentMemberIds.filter((id) => !prospective.includes(id)) : [];

  return (
    <>
      <TextField label="Rotation name" name="name" value={name} onChange={(event) => setName(event.target.value)} errors={fieldErrors(state, "name")} maxLength={100} autoComplete="off" required />
      <MemberPicker
        label="Rotation members"
        hint="Users, or whole teams whose members follow the team. Users who can’t take meetings are shown but can’t be picked."
        known={known}
        selection={selection}
        onSelectionChange={(next, learned) => {
          setSelection(next);
          if (learned) setKnown((current) => mergeKnown(current, learned));
        }}
        errors={fieldErrors(state, "members", "userIds", "teamIds")}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Distribution</legend>
        {(
          [
            ["even", "Evenly", "Everyone gets the same share; the member with the fewest meetings is next."],
            ["weighted", "Weighted", "Give each member a weight; shares follow the weights."],
          ] as const
        ).map(([value, label, description]) => (
          <label key={value} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 text-sm has-checked:border-brand-500 has-checked:bg-brand-50">
            <input type="radio" name="distribution" value={value} checked={distribution === value} onChange={() => setDistribution(value)} className="mt-0.5" />
            <span>
              <span className="block font-medium">{label}</span>
              <span className="block text-slate-600">{description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {distribution === "weighted" && (
        <WeightsFieldset
          members={prospective.map((id) => ({ id, name: nameOf(id), ineligible: Boolean(people.get(id)?.ineligibleText) }))}
          weights={weights}
          onWeightChange={(id, value) => setWeights((current) => ({ ...current, [id]: value }))}
          errors={fieldErrorsUnder(state, "weights")}
        />
      )}
      {(joining.length > 0 || leaving.length > 0) && (
        <div role="status" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {joining.length > 0 &&
            (newcomerPolicy === "reset_everyone" ? (
              <p>
                <strong className="font-semibold">Every count will reset to 0.</strong> Saving adds {joining.map(nameOf).join(", ")}, so meetings are shared equally from
                now on.
              </p>
            ) : (
              <p>
                Saving adds {joining.map(nameOf).join(", ")} at the lowest count among the others (start level). Nobody else’s count changes.
              </p>
            ))}
          {leaving.length > 0 && <p>{leaving.map(nameOf).join(", ")} will leave the rotation. Counts are kept.</p>}
        </div>
      )}
    </>
  );
}

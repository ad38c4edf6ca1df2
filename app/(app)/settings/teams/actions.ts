"use server";

import { revalidatePath } from "next/cache";
import { asFormData, asId, toFormState, type FormState } from "@/lib/forms/action-state";
import type { Result } from "@/lib/domain/result";
import { runAction } from "@/lib/server/action";
import { previewTeamJoin, type TeamJoinPreview } from "@/lib/server/queries/count-impact";
import { changeTeamMembership, type TeamMembershipOutcome } from "@/lib/server/use-cases/change-team-membership";
import { createTeam } from "@/lib/server/use-cases/create-team";
import { deleteTeam, type DeletedTeam } from "@/lib/server/use-cases/delete-team";
import { renameTeam } from "@/lib/server/use-cases/rename-team";

// Team changes flow into every rotation that includes the team (R2), and team names show on
// rotation and user pages: revalidate all of them.
function revalidateSettings() {
  revalidatePath("/settings", "layout");
}

function resetNote(rotations: ReadonlyArray<{ countsReset: boolean }>): string | undefined {
  const reset = rotations.filter((r) => r.countsReset).length;
  return reset > 0 ? `Counts reset in ${reset} ${reset === 1 ? "rotation" : "rotations"}.` : undefined;
}

export async function createTeamAction(_previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const result = await runAction(({ actor, db }) => createTeam(db, actor, { name: formData.get("name") }));
  if (result.ok) revalidateSettings();
  return toFormState(result, ({ teamId }) => ({ message: "Team created.", id: teamId }));
}

export async function renameTeamAction(teamId: unknown, _previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const result = await runAction(({ actor, db }) => renameTeam(db, actor, asId(teamId), { name: formData.get("name") }));
  if (result.ok) revalidateSettings();
  return toFormState(result, ({ to }) => ({ message: `Team renamed to ${to}.` }));
}

export async function deleteTeamAction(teamId: unknown): Promise<Result<DeletedTeam>> {
  const result = await runAction(({ actor, db }) => deleteTeam(db, actor, asId(teamId)));
  if (result.ok) revalidateSettings();
  return result;
}

/** What adding this user would do to the counts of each rotation that includes the team, to confirm first. */
export async function previewTeamJoinAction(teamId: unknown, userId: unknown): Promise<Result<TeamJoinPreview>> {
  return runAction(({ actor, db }) => previewTeamJoin(db, actor, asId(teamId), asId(userId)));
}

/** Adds a user to the team. `confirmedReset` names each rotation whose reset the admin confirmed; any other reset is refused. */
export async function addTeamMemberAction(teamId: unknown, _previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const userId = formData.get("userId");
  if (typeof userId !== "string" || userId === "") return { status: "error", message: "Choose someone to add.", fields: { userId: ["Choose someone to add."] } };
  const confirmedResets = formData.getAll("confirmedReset").filter((id): id is string => typeof id === "string");
  const result = await runAction(({ actor, db }) => changeTeamMembership(db, actor, asId(teamId), userId, "add", { confirmedResets }));
  if (result.ok) revalidateSettings();
  return toFormState(result, ({ rotations }) => ({ message: "Member added.", id: userId, detail: resetNote(rotations) }));
}

export async function removeTeamMemberAction(teamId: unknown, userId: unknown): Promise<Result<TeamMembershipOutcome>> {
  const result = await runAction(({ actor, db }) => changeTeamMembership(db, actor, asId(teamId), asId(userId), "remove"));
  if (result.ok) revalidateSettings();
  return result;
}

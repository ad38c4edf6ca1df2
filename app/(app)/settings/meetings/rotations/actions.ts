"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { asFormData, asId, toFormState, type FormState } from "@/lib/forms/action-state";
import type { Result } from "@/lib/domain/result";
import { runAction } from "@/lib/server/action";
import { previewRotationEdit, type RotationCountImpact } from "@/lib/server/queries/count-impact";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { deleteRotation } from "@/lib/server/use-cases/delete-rotation";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { rotationInputFromForm } from "./rotation-form-data";

const ROTATIONS_PATH = "/settings/meetings/rotations";

// Thin adapters: runAction authenticates; the use case parses the input and authorizes the
// actor itself (R4), so whatever a caller sends, a non-admin is refused with "forbidden".

export async function createRotationAction(_previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const result = await runAction(({ actor, db }) => createRotation(db, actor, rotationInputFromForm(formData)));
  if (result.ok) revalidatePath(ROTATIONS_PATH, "layout");
  return toFormState(result, ({ rotationId }) => ({ message: "Rotation created.", id: rotationId }));
}

/** What saving the panel's form would do to the rotation's counts, to confirm a reset first (R7). */
export async function previewRotationEditAction(rotationId: unknown, sent: unknown): Promise<Result<RotationCountImpact>> {
  const formData = asFormData(sent);
  return runAction(({ actor, db }) => previewRotationEdit(db, actor, asId(rotationId), rotationInputFromForm(formData)));
}

/** Saves the panel. A save that resets counts needs `confirmed=yes`, sent once the admin saw the figures. */
export async function updateRotationAction(rotationId: unknown, _previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const confirmedReset = formData.get("confirmed") === "yes";
  const result = await runAction(({ actor, db }) => updateRotation(db, actor, asId(rotationId), rotationInputFromForm(formData), { confirmedReset }));
  if (result.ok) revalidatePath(ROTATIONS_PATH, "layout");
  return toFormState(result, ({ countsReset }) => ({
    message: countsReset ? "Rotation saved. New members joined, so every count is back to 0." : "Rotation saved.",
  }));
}

export async function setAvailabilityAction(rotationId: unknown, userId: unknown, available: unknown): Promise<Result<{ available: boolean; changed: boolean }>> {
  const result = await runAction(({ actor, db }) => setMemberAvailability(db, actor, asId(rotationId), asId(userId), { available }));
  if (result.ok) revalidatePath(ROTATIONS_PATH, "layout");
  return result;
}

/** On success, goes to the list: re-rendering the deleted rotation's own page would 404. */
export async function deleteRotationAction(rotationId: unknown): Promise<Result<never>> {
  const result = await runAction(({ actor, db }) => deleteRotation(db, actor, asId(rotationId)));
  if (!result.ok) return result;
  revalidatePath(ROTATIONS_PATH, "layout");
  redirect(`${ROTATIONS_PATH}?deleted=${encodeURIComponent(result.value.name)}`);
}

"use server";

import { revalidatePath } from "next/cache";
import { asFormData, asId, toFormState, type FormState } from "@/lib/forms/action-state";
import type { Result } from "@/lib/domain/result";
import { runAction } from "@/lib/server/action";
import { listMemberLedger, type MemberLedger } from "@/lib/server/queries/member-ledger";
import { adjustCount } from "@/lib/server/use-cases/adjust-count";
import { reassignUpcomingMeetings } from "@/lib/server/use-cases/reassign-meeting";
import { previewRotationSettings, updateRotationSettings, type CountChange } from "@/lib/server/use-cases/update-rotation-settings";
import { settingsInputFromForm } from "./settings-form-data";

const ROTATIONS_PATH = "/settings/meetings/rotations";

// Thin adapters: runAction authenticates; each use case parses its input and authorizes itself.

export async function previewSettingsAction(rotationId: unknown, sent: unknown): Promise<Result<{ changes: CountChange[] }>> {
  const formData = asFormData(sent);
  return runAction(({ actor, db }) => previewRotationSettings(db, actor, asId(rotationId), settingsInputFromForm(formData)));
}

export async function updateSettingsAction(rotationId: unknown, _previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const result = await runAction(({ actor, db }) => updateRotationSettings(db, actor, asId(rotationId), settingsInputFromForm(formData)));
  if (result.ok) revalidatePath(ROTATIONS_PATH, "layout");
  return toFormState(result, ({ changed }) => ({ message: changed.length === 0 ? "Nothing changed." : "Rotation settings saved." }));
}

export async function adjustCountAction(rotationId: unknown, userId: unknown, _previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const input = { delta: formData.get("delta") ?? "", reason: formData.get("reason") ?? "" };
  const result = await runAction(({ actor, db }) => adjustCount(db, actor, asId(rotationId), asId(userId), input));
  if (result.ok) revalidatePath(ROTATIONS_PATH, "layout");
  return toFormState(result, ({ count }) => ({ message: `Count adjusted. It is now ${count}.` }));
}

export async function memberLedgerAction(rotationId: unknown, userId: unknown): Promise<Result<MemberLedger>> {
  return runAction(({ actor, db }) => listMemberLedger(db, actor, asId(rotationId), asId(userId)));
}

export async function reassignUpcomingAction(rotationId: unknown, userId: unknown, _previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const result = await runAction(({ actor, db }) => reassignUpcomingMeetings(db, actor, asId(rotationId), asId(userId), { reason: formData.get("reason") ?? "" }));
  if (result.ok) revalidatePath(ROTATIONS_PATH, "layout");
  return toFormState(result, ({ reassigned, kept }) => ({
    message: `${reassigned.length} ${reassigned.length === 1 ? "meeting" : "meetings"} reassigned${kept.length > 0 ? `; ${kept.length} could not be (nobody else was free)` : ""}.`,
  }));
}

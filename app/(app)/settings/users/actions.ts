"use server";

import { revalidatePath } from "next/cache";
import { asFormData, asId, toFormState, type FormState } from "@/lib/forms/action-state";
import type { Result } from "@/lib/domain/result";
import { runAction } from "@/lib/server/action";
import { updateUser, type UserUpdateOutcome } from "@/lib/server/use-cases/update-user";
import { userInputFromForm } from "./user-form-data";

// A user's eligibility shows on rotation pages and in the booking modal, so every settings page
// and record page may change: revalidate the whole app rather than guess.
function revalidateEverything() {
  revalidatePath("/", "layout");
}

export async function updateUserAction(userId: unknown, _previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const result = await runAction(({ actor, db }) => updateUser(db, actor, asId(userId), userInputFromForm(formData)));
  if (result.ok) revalidateEverything();
  return toFormState(result, ({ eligibilityChangedIn }) => ({
    message: "User saved.",
    detail: eligibilityChangedIn.length > 0 ? `Their eligibility changed in ${eligibilityChangedIn.length} ${eligibilityChangedIn.length === 1 ? "rotation" : "rotations"}.` : undefined,
  }));
}

export async function setUserActiveAction(userId: unknown, active: unknown): Promise<Result<UserUpdateOutcome>> {
  const result = await runAction(({ actor, db }) => updateUser(db, actor, asId(userId), { active }));
  if (result.ok) revalidateEverything();
  return result;
}

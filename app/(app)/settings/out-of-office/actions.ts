"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/domain/result";
import { asFormData, asId, toFormState, type FormState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/server/action";
import { addOutOfOfficePeriod, deleteOutOfOfficePeriod } from "@/lib/server/use-cases/out-of-office";

const PATH = "/settings/out-of-office";

export async function addOutOfOfficeAction(_previous: FormState, sent: unknown): Promise<FormState> {
  const formData = asFormData(sent);
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const input = { userId: text("userId"), start: text("start") ?? "", end: text("end") ?? "", note: text("note") };
  const result = await runAction(({ actor, db }) => addOutOfOfficePeriod(db, actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return toFormState(result, () => ({ message: "Out-of-office period added." }));
}

export async function deleteOutOfOfficeAction(periodId: unknown): Promise<Result<{ deleted: boolean }>> {
  const result = await runAction(({ actor, db }) => deleteOutOfOfficePeriod(db, actor, asId(periodId)));
  if (result.ok) revalidatePath(PATH);
  return result;
}

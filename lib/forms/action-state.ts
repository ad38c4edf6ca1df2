import type { FieldErrors, Result } from "@/lib/domain/result";

/** What a settings form's server action hands back to useActionState. Plain data only. */
export type FormState =
  | { status: "idle" }
  | { status: "success"; message: string; id?: string; detail?: string }
  | { status: "error"; message: string; fields: FieldErrors };

export const IDLE: FormState = { status: "idle" };

/** Turns a use case's Result into the form's state; the caller words the success. */
export function toFormState<T>(result: Result<T>, success: (value: T) => Omit<Extract<FormState, { status: "success" }>, "status">): FormState {
  if (!result.ok) return { status: "error", message: result.error.message, fields: result.error.fields ?? {} };
  return { status: "success", ...success(result.value) };
}

/** Field errors for one input, including nested keys such as "workingHours.end". */
export function fieldErrors(state: FormState, ...keys: string[]): string[] | undefined {
  if (state.status !== "error") return undefined;
  const found = keys.flatMap((key) => state.fields[key] ?? []);
  return found.length > 0 ? found : undefined;
}

/** Errors whose key starts with a prefix, e.g. every "weights.<userId>" for the weights fieldset. */
export function fieldErrorsUnder(state: FormState, prefix: string): string[] | undefined {
  if (state.status !== "error") return undefined;
  const found = Object.entries(state.fields)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
    .flatMap(([, messages]) => messages);
  return found.length > 0 ? [...new Set(found)] : undefined;
}

/** Server action arguments arrive as whatever the caller sent; ids must at least be strings. */
export function asId(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** True when the state's message is not already shown beside a field (e.g. "Some fields need attention."). */
export function hasFormLevelMessage(state: FormState): state is Extract<FormState, { status: "error" }> {
  return state.status === "error" && !Object.values(state.fields).some((messages) => messages.includes(state.message));
}

/**
 * The form data a form action was sent. React always sends FormData, but a crafted call can
 * send anything: it then reads as an empty form and gets the form's field errors, not a 500.
 */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

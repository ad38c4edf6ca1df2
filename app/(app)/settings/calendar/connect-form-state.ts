import type { FormState } from "@/lib/forms/action-state";

/** The connect form's states: the settings forms' own, plus "choose one of these calendars". */
export type ConnectFormState = FormState | { status: "choose"; calendars: Array<{ url: string; displayName: string }> };

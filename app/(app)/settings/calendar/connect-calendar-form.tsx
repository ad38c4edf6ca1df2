"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/settings/form-alert";
import { PendingButton } from "@/components/settings/pending-button";
import { FormAnswer } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { fieldErrors, hasFormLevelMessage, IDLE } from "@/lib/forms/action-state";
import { connectCalendarAction } from "./actions";
import type { ConnectFormState } from "./connect-form-state";

type Kind = "caldav" | "ical";

const EMPTY = { serverUrl: "", username: "", password: "", icalUrl: "", calendarUrl: "" };

/**
 * Connect calendar (DESIGN §5, C1). Inputs are controlled so that a refusal or the calendar
 * choice keeps what was typed (the password included: it never leaves this page but to the server).
 * A successful connection empties it.
 */
export function ConnectCalendarForm({ replacing }: { replacing: boolean }) {
  const [state, dispatch, pending] = useActionState(connectCalendarAction, IDLE as ConnectFormState);
  const [kind, setKind] = useState<Kind>("caldav");
  const [values, setValues] = useState(EMPTY);
  // A new answer that connected empties the form (state adjusted while rendering, not in an effect).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "success") setValues(EMPTY);
  }
  const toast = useToast();
  const router = useRouter();
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));

  useEffect(() => {
    if (state.status !== "success") return;
    toast(state.message, state.message.includes("failed") ? "error" : "success");
    router.refresh();
  }, [state, toast, router]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  const errors = state.status === "error" ? state : IDLE;
  const choosing = state.status === "choose" && kind === "caldav" ? state.calendars : null;

  return (
    <FormAnswer value={state}>
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="connect-heading">
        <h2 id="connect-heading" className="text-lg font-semibold">
          {replacing ? "Connect another calendar" : "Connect calendar"}
        </h2>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Calendar type</legend>
          <div className="mt-2 flex flex-wrap gap-4 text-sm">
            {(["caldav", "ical"] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {k === "caldav" ? "CalDAV account (two-way)" : "iCal address (read-only)"}
              </label>
            ))}
          </div>
        </fieldset>
        {hasFormLevelMessage(errors) && <FormAlert message={errors.message} />}
        {kind === "caldav" ? (
          <>
            <TextField label="CalDAV server URL" name="serverUrl" type="url" inputMode="url" autoComplete="url" value={values.serverUrl} onChange={set("serverUrl")} required errors={fieldErrors(errors, "serverUrl")} hint="e.g. https://caldav.fastmail.com, https://caldav.icloud.com or https://cloud.example.com/remote.php/dav" />
            <TextField label="Username" name="username" autoComplete="username" value={values.username} onChange={set("username")} required errors={fieldErrors(errors, "username")} />
            <TextField label="Password" name="password" type="password" autoComplete="current-password" value={values.password} onChange={set("password")} required errors={fieldErrors(errors, "password")} hint="An app password where your provider offers one. Stored encrypted." />
            {choosing && (
              <SelectField label="Calendar" name="calendarUrl" value={values.calendarUrl || choosing[0]?.url} onChange={set("calendarUrl")} errors={fieldErrors(errors, "calendarUrl")} hint="This account has several calendars: choose the one your meetings go to.">
                {choosing.map((c) => (
                  <option key={c.url} value={c.url}>
                    {c.displayName}
                  </option>
                ))}
              </SelectField>
            )}
          </>
        ) : (
          <TextField label="iCal address" name="icalUrl" type="url" inputMode="url" value={values.icalUrl} onChange={set("icalUrl")} required errors={fieldErrors(errors, "icalUrl")} hint="The secret address in iCal format from Google Calendar or Outlook. Stored encrypted." />
        )}
        <PendingButton pending={pending} pendingLabel="Connecting…">
          {choosing ? "Connect this calendar" : "Connect calendar"}
        </PendingButton>
      </form>
    </FormAnswer>
  );
}

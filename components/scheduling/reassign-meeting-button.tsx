"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { FormAlert } from "@/components/settings/form-alert";
import { PendingButton } from "@/components/settings/pending-button";
import { Button } from "@/components/ui/button";
import { LazyDialog as Dialog } from "@/components/ui/lazy-dialogs";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import type { Result } from "@/lib/domain/result";
import type { ReassignChoice, SchedulingActions } from "./types";

interface ReassignMeetingButtonProps {
  meetingId: string;
  title: string;
  actions: Pick<SchedulingActions, "reassignOptions" | "reassignMeeting">;
}

type Options = Result<{ next: ReassignChoice | null; members: ReassignChoice[] }>;

/** Reassign meeting (R19): to next in rotation or a chosen member, with a reason; each member says why not (R20). */
export function ReassignMeetingButton({ meetingId, title, actions }: ReassignMeetingButtonProps) {
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Options | null>(null);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const show = async () => {
    setOpen(true);
    setError(null);
    setOptions(null);
    setOptions(await actions.reassignOptions(meetingId));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await actions.reassignMeeting(meetingId, String(form.get("to") ?? ""), String(form.get("reason") ?? ""));
      if (!result.ok) return setError({ message: result.error.message, fields: result.error.fields ?? {} });
      setOpen(false);
      toast(`Meeting reassigned to ${result.value.toName}. Counts moved with it.`);
      router.refresh();
    });
  };

  return (
    <>
      <Button variant="secondary" onClick={show}>
        Reassign meeting<span className="sr-only"> {title}</span>
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="Reassign meeting" description={`“${title}” will count for the new host instead, from now.`} widthClass="w-[min(32rem,95vw)]">
        {options === null ? (
          <p role="status" className="text-sm text-slate-600">Loading who can take it…</p>
        ) : !options.ok ? (
          <FormAlert message={options.error.message} />
        ) : (
          <form onSubmit={submit} noValidate className="flex flex-col gap-4">
            {error && Object.keys(error.fields).length === 0 && <FormAlert message={error.message} />}
            <SelectField label="New host" name="to" defaultValue="next" errors={error?.fields.to}>
              <option value="next" disabled={!options.value.next}>
                Next in rotation{options.value.next ? ` (${options.value.next.name})` : " — nobody can take it"}
              </option>
              {options.value.members.map((m) => (
                <option key={m.userId} value={m.userId} disabled={!m.canTake}>
                  {m.name}
                  {m.canTake ? "" : ` — ${m.reason.charAt(0).toLowerCase()}${m.reason.slice(1)}`}
                </option>
              ))}
            </SelectField>
            <TextField label="Reason" name="reason" maxLength={200} errors={error?.fields.reason} required />
            <div className="flex justify-end border-t border-slate-200 pt-4">
              <PendingButton pending={pending} pendingLabel="Reassigning…">
                Reassign
              </PendingButton>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}

"use client";

import { useState } from "react";
import { DialogFormButton } from "@/components/settings/dialog-form-button";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { formatDateTime } from "@/lib/domain/format-time";
import type { Result } from "@/lib/domain/result";
import { fieldErrors } from "@/lib/forms/action-state";
import type { MemberLedger } from "@/lib/server/queries/member-ledger";
import { adjustCountAction, memberLedgerAction, reassignUpcomingAction } from "./fairness-actions";

interface MemberCountActionsProps {
  rotationId: string;
  userId: string;
  name: string;
  timeZone: string;
}

const small = "px-2.5 py-1 text-xs";

/** Per member, for admins: adjust the count with a reason (R13), see its entries, move their upcoming meetings (R19). */
export function MemberCountActions({ rotationId, userId, name, timeZone }: MemberCountActionsProps) {
  return (
    <div className="flex flex-wrap gap-1.5">
      <DialogFormButton
        label={<>Adjust count<span className="sr-only"> for {name}</span></>}
        buttonVariant="secondary"
        buttonClassName={small}
        title={`Adjust count for ${name}`}
        description="A manual change to the count, kept in the ledger with your name and the reason. A count never goes below 0."
        action={adjustCountAction.bind(null, rotationId, userId)}
        submitLabel="Adjust count"
        pendingLabel="Adjusting…"
      >
        {(state) => (
          <>
            <TextField label="Change" name="delta" inputMode="numeric" hint="A whole number, e.g. 2 or -1." errors={fieldErrors(state, "delta")} required />
            <TextField label="Reason" name="reason" maxLength={200} errors={fieldErrors(state, "reason")} required />
          </>
        )}
      </DialogFormButton>
      <CountHistoryButton rotationId={rotationId} userId={userId} name={name} timeZone={timeZone} />
      <DialogFormButton
        label={<>Reassign upcoming<span className="sr-only"> meetings of {name}</span></>}
        buttonVariant="secondary"
        buttonClassName={small}
        title={`Reassign upcoming meetings of ${name}`}
        description={`Each upcoming meeting of ${name} in this rotation goes, in start order, to whoever the rotation proposes at its time. Meetings nobody else can take stay with ${name}.`}
        action={reassignUpcomingAction.bind(null, rotationId, userId)}
        submitLabel="Reassign meetings"
        pendingLabel="Reassigning…"
      >
        {(state) => <TextField label="Reason" name="reason" maxLength={200} errors={fieldErrors(state, "reason")} required />}
      </DialogFormButton>
    </div>
  );
}

function CountHistoryButton({ rotationId, userId, name, timeZone }: MemberCountActionsProps) {
  const [open, setOpen] = useState(false);
  const [ledger, setLedger] = useState<Result<MemberLedger> | null>(null);
  const show = async () => {
    setOpen(true);
    setLedger(null);
    setLedger(await memberLedgerAction(rotationId, userId));
  };
  return (
    <>
      <Button variant="secondary" className={small} onClick={show}>
        Count history<span className="sr-only"> for {name}</span>
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={`Count history for ${name}`} description="Every change to the count, newest first. Entries before the last reset no longer count.">
        {ledger === null ? (
          <p role="status" className="text-sm text-slate-600">Loading…</p>
        ) : !ledger.ok ? (
          <p role="alert" className="text-sm text-red-700">{ledger.error.message}</p>
        ) : ledger.value.entries.length === 0 ? (
          <p className="text-sm text-slate-600">No entries yet: nothing has changed this count.</p>
        ) : (
          <ol className="divide-y divide-slate-100 text-sm">
            {ledger.value.entries.map((e) => (
              <li key={e.id} className={`flex flex-wrap items-baseline justify-between gap-2 py-2 ${e.current ? "" : "text-slate-500"}`}>
                <span>
                  <span className="font-medium">{e.label}</span>
                  {e.meeting && <span> · {e.meeting.title}</span>}
                  {e.reason && <span> · “{e.reason}”</span>}
                  <span className="block text-xs text-slate-600">
                    {formatDateTime(e.countsAt, timeZone)}
                    {e.actorName ? ` · by ${e.actorName}` : ""}
                    {e.current ? "" : " · before the last reset"}
                  </span>
                </span>
                <span className="tabular-nums font-semibold">{e.delta > 0 ? `+${e.delta}` : e.delta}</span>
              </li>
            ))}
          </ol>
        )}
      </Dialog>
    </>
  );
}

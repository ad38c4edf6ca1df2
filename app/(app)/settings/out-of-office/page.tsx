import type { Metadata } from "next";
import { formatDateTime } from "@/lib/domain/format-time";
import { mustSucceed } from "@/components/settings/must-succeed";
import { SettingsFrame } from "@/components/settings/settings-frame";
import { canManageRotations } from "@/lib/domain/permissions";
import { getDb } from "@/lib/server/db";
import { listOutOfOffice } from "@/lib/server/queries/out-of-office";
import { requirePageActor } from "@/lib/server/session";
import { AddPeriodButton } from "./add-period-button";
import { DeletePeriodButton } from "./delete-period-button";

export const metadata: Metadata = { title: "Out of office" };

export default async function OutOfOfficePage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const admin = canManageRotations(actor);
  const list = mustSucceed(await listOutOfOffice(db, actor));
  const zone = actor.timeZone;
  return (
    <SettingsFrame>
      <div className="max-w-3xl space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold">Out of office</h1>
            <p className="text-sm text-slate-600">
              {admin ? "Everyone's current and upcoming periods." : "Your current and upcoming periods."} While one runs, that person is skipped in every rotation. Times in your time zone, {zone}.
            </p>
          </div>
          <AddPeriodButton canChooseUser={admin} self={{ id: actor.id, name: actor.name, email: actor.email, timeZone: zone }} />
        </div>
        {list.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">No out-of-office periods now or later.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm" aria-label="Out-of-office periods">
            {list.map((p) => {
              const when = `${formatDateTime(p.start, zone)} – ${formatDateTime(p.end, zone)}`;
              return (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <div>
                    {admin && <p className="font-medium">{p.userName}</p>}
                    <p className="text-slate-700">{when}</p>
                    {p.note && <p className="text-slate-600">{p.note}</p>}
                  </div>
                  {p.canDelete && <DeletePeriodButton periodId={p.id} label={`${p.userName}, ${when}`} />}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </SettingsFrame>
  );
}

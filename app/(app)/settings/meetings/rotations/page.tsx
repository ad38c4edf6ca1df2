import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/components/settings/format";
import { formatDateTime } from "@/lib/domain/format-time";
import { MeetingsTabs } from "@/components/settings/meetings-tabs";
import { SettingsFrame, SettingsHeader } from "@/components/settings/settings-frame";
import { canManageRotations } from "@/lib/domain/permissions";
import { FlashToast } from "@/components/settings/flash-toast";
import { mustSucceed } from "@/components/settings/must-succeed";
import { getDb } from "@/lib/server/db";
import { listRotations } from "@/lib/server/queries/rotations";
import { requirePageActor } from "@/lib/server/session";
import { CreateRotationButton } from "./create-rotation-button";

export const metadata: Metadata = { title: "Meeting rotations" };

export default async function RotationsPage({ searchParams }: { searchParams: Promise<{ deleted?: string | string[] }> }) {
  const actor = await requirePageActor();
  if (!canManageRotations(actor)) forbidden();
  const db = await getDb();
  const rotations = mustSucceed(await listRotations(db, actor));
  const { deleted } = await searchParams;
  // A new rotation starts with nobody chosen; its picker searches the organisation as you type.
  const create = <CreateRotationButton />;

  return (
    <SettingsFrame>
      <FlashToast message={typeof deleted === "string" ? `“${deleted.slice(0, 100)}” was deleted.` : undefined} />
      <SettingsHeader title="Meetings" description="How meetings booked from records are shared across your team." />
      <MeetingsTabs>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 className="text-lg font-semibold">Meeting rotations</h2>
            <p className="text-sm text-slate-600">Each rotation proposes the member whose turn it is. Times are in your time zone, {actor.timeZone}.</p>
          </div>
          {rotations.length > 0 && create}
        </div>
        {rotations.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
            <p className="font-medium">No meeting rotations yet</p>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">Group reps into a rotation, and whoever books from a record is offered the member whose turn it is.</p>
            <div className="mt-4">{create}</div>
          </div>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Meeting rotations</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3">Name</th>
                  <th scope="col" className="px-4 py-3">Members</th>
                  <th scope="col" className="px-4 py-3">Distribution</th>
                  <th scope="col" className="px-4 py-3">Last booking</th>
                  <th scope="col" className="px-4 py-3">Counts since</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rotations.map((rotation) => (
                  <tr key={rotation.id} className="hover:bg-slate-50">
                    <th scope="row" className="px-4 py-3 text-left font-medium">
                      <Link href={`/settings/meetings/rotations/${rotation.id}`} className="text-brand-700 hover:underline">
                        {rotation.name}
                      </Link>
                    </th>
                    <td className="px-4 py-3">{plural(rotation.memberCount, "member")}</td>
                    <td className="px-4 py-3">{rotation.distribution === "even" ? "Evenly" : "Weighted"}</td>
                    <td className="px-4 py-3 text-slate-700">{rotation.lastBookingAt ? formatDateTime(rotation.lastBookingAt, actor.timeZone) : "Never"}</td>
                    <td className="px-4 py-3 text-slate-700">{formatDateTime(rotation.countsResetAt, actor.timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </MeetingsTabs>
    </SettingsFrame>
  );
}

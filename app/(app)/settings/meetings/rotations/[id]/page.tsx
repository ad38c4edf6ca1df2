import type { Metadata } from "next";
import Link from "next/link";
import { notFound, forbidden } from "next/navigation";
import { CountsChart } from "@/components/settings/counts-chart";
import { plural } from "@/components/settings/format";
import { Pager } from "@/components/settings/list-search";
import { formatDateTime } from "@/lib/domain/format-time";
import { mustSucceed } from "@/components/settings/must-succeed";
import { RotationHistoryList } from "@/components/settings/rotation-history-list";
import { SettingsFrame, SettingsHeader } from "@/components/settings/settings-frame";
import { pageWindow } from "@/lib/domain/paging";
import { canManageRotations } from "@/lib/domain/permissions";
import { getDb } from "@/lib/server/db";
import { getRotationHistory } from "@/lib/server/queries/rotation-history";
import { getRotationDetail } from "@/lib/server/queries/rotations";
import { memberOptionsFor } from "@/lib/server/queries/member-options";
import { listQuerySchema } from "@/lib/server/queries/users";
import { listRotationOutOfOffice } from "@/lib/server/queries/out-of-office";
import { storedSettingsOf } from "@/lib/server/use-cases/rotation-settings-input";
import { requirePageActor } from "@/lib/server/session";
import { DeleteRotationButton } from "./delete-rotation-button";
import { EditRotationButton } from "./edit-rotation-button";
import { MembersTable } from "./members-table";
import { OutOfOfficeSection } from "./out-of-office-section";
import { RotationSettingsForm } from "./rotation-settings-form";

export const metadata: Metadata = { title: "Meeting rotation" };

/** Members shown at once: 300 rows of switches and menus made the page 1.7 MB and slow to render. */
const MEMBERS_PAGE_SIZE = 50;

export default async function RotationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!canManageRotations(actor)) forbidden();
  const { id } = await params;
  const db = await getDb();
  const detail = await getRotationDetail(db, actor, id);
  if (!detail.ok && detail.error.code === "rotation_not_found") notFound();
  const { rotation, members, ranking, directUserIds, teams } = mustSucceed(detail);
  const [history, options, away] = await Promise.all([getRotationHistory(db, actor, id), memberOptionsFor(db, actor, { userIds: directUserIds, teamIds: teams.map((t) => t.id) }), listRotationOutOfOffice(db, actor, id)]);
  const proposed = ranking.proposed;
  const zone = actor.timeZone;
  const membersWindow = pageWindow(listQuerySchema.parse(await searchParams).page ?? 1, MEMBERS_PAGE_SIZE, members.length);
  const path = `/settings/meetings/rotations/${rotation.id}`;

  return (
    <SettingsFrame>
      <SettingsHeader
        eyebrow={
          <nav aria-label="Breadcrumb" className="mb-1 text-sm">
            <Link href="/settings/meetings/rotations" className="text-brand-700 underline">
              Meeting rotations
            </Link>
          </nav>
        }
        title={rotation.name}
        description={
          <>
            {rotation.distribution === "even" ? "Evenly distributed" : "Weighted distribution"} · {plural(members.length, "member")} ·{" "}
            {rotation.countWindow === "monthly" ? `counts this month (${rotation.timeZone}), since the last reset on` : "counts since"} {formatDateTime(rotation.countsResetAt, zone)}
          </>
        }
        actions={
          <>
            <EditRotationButton
              rotationId={rotation.id}
              options={mustSucceed(options)}
              initial={{
                name: rotation.name,
                distribution: rotation.distribution,
                userIds: directUserIds,
                teamIds: teams.map((t) => t.id),
                weights: Object.fromEntries(members.map((m) => [m.userId, m.weight])),
              }}
              currentMemberIds={members.map((m) => m.userId)}
              newcomerPolicy={rotation.newcomerPolicy}
            />
            <DeleteRotationButton rotationId={rotation.id} name={rotation.name} />
          </>
        }
      />

      <section aria-labelledby="next-up-heading" className="rounded-lg border border-brand-100 bg-brand-50 px-5 py-4">
        <h2 id="next-up-heading" className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
          Next up
        </h2>
        {proposed ? (
          <p className="mt-1">
            <span className="text-lg font-semibold">{proposed.name}</span> <span className="text-sm text-slate-700">— {proposed.reason}</span>
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-800">No one: every member is unavailable or not eligible, so bookings through this rotation are refused.</p>
        )}
      </section>

      <section aria-labelledby="members-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="members-heading" className="text-lg font-semibold">
            Members
          </h2>
          <p className="text-xs text-slate-600">Times in your time zone, {zone}.</p>
        </div>
        {membersWindow.lastPage > 1 && <Pager path={path} query={undefined} window={membersWindow} label="Members pages" />}
        <MembersTable
          rotationId={rotation.id}
          members={members}
          distribution={rotation.distribution}
          proposedUserId={proposed?.userId ?? null}
          timeZone={zone}
          shown={{ offset: membersWindow.offset, size: membersWindow.pageSize }}
        />
      </section>

      <OutOfOfficeSection periods={mustSucceed(away)} timeZone={zone} />

      <section aria-labelledby="settings-heading" className="space-y-2">
        <h2 id="settings-heading" className="text-lg font-semibold">
          Rotation settings
        </h2>
        <RotationSettingsForm key={JSON.stringify(storedSettingsOf(rotation))} rotationId={rotation.id} settings={storedSettingsOf(rotation)} />
      </section>

      <CountsChart members={members} distribution={rotation.distribution} countsResetAt={rotation.countsResetAt} timeZone={zone} />

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <RotationHistoryList history={mustSucceed(history)} timeZone={zone} />
      </section>
    </SettingsFrame>
  );
}

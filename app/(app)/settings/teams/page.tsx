import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/components/settings/format";
import { listHref, ListSearch, NoMatch, Pager } from "@/components/settings/list-search";
import { mustSucceed } from "@/components/settings/must-succeed";
import { SettingsFrame, SettingsHeader } from "@/components/settings/settings-frame";
import { canManageRotations } from "@/lib/domain/permissions";
import { getDb } from "@/lib/server/db";
import { listTeams } from "@/lib/server/queries/teams";
import { countUsers, listMemberOptions, listQuerySchema } from "@/lib/server/queries/users";
import { requirePageActor } from "@/lib/server/session";
import { AddTeamMemberForm } from "./add-team-member-form";
import { CreateTeamButton } from "./create-team-button";
import { DeleteTeamButton } from "./delete-team-button";
import { RemoveTeamMemberButton } from "./remove-team-member-button";
import { RenameTeamButton } from "./rename-team-button";

export const metadata: Metadata = { title: "Teams" };

const PATH = "/settings/teams";
/**
 * Up to this many users, every team shows its add-member form (a select of everyone). Past
 * it, 20 selects of thousands of options would make the page megabytes: each team links to
 * its form instead (`?add=`), and only that team's is rendered.
 */
const INLINE_ADD_FORMS_UP_TO = 200;

export default async function TeamsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!canManageRotations(actor)) forbidden();
  const db = await getDb();
  const params = await searchParams;
  const query = listQuerySchema.parse(params);
  const addTo = typeof params.add === "string" ? params.add : null;
  const [teamsResult, countResult] = await Promise.all([listTeams(db, actor, query), countUsers(db, actor)]);
  const { teams, window, organisationTotal } = mustSucceed(teamsResult);
  const inlineForms = mustSucceed(countResult) <= INLINE_ADD_FORMS_UP_TO;
  const needsCandidates = inlineForms || teams.some((team) => team.id === addTo);
  const users = needsCandidates ? mustSucceed(await listMemberOptions(db, actor)).users : [];
  const here = listHref(PATH, query.q, window.page);

  return (
    <SettingsFrame>
      <SettingsHeader title="Teams" description="A rotation that includes a team follows it: joining the team joins the rotation." actions={<CreateTeamButton />} />
      {organisationTotal > 0 && <ListSearch action={PATH} label="Search teams" query={query.q} placeholder="Team name, or a member’s name or email" />}
      {teams.length === 0 && query.q && <NoMatch what="teams" query={query.q} path={PATH} />}
      {teams.length > 0 && <Pager path={PATH} query={query.q} window={window} label="Teams pages" />}
      {organisationTotal === 0 && (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium">No teams yet</p>
          <p className="text-sm text-slate-600">Create a team, then add it to rotations as a whole.</p>
        </div>
      )}
      {teams.map((team) => {
        const headingId = `team-${team.id}`;
        const memberIds = new Set(team.members.map((m) => m.id));
        const rotationNames = team.rotations.map((r) => r.name);
        return (
          <section key={team.id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h2 id={headingId} className="text-lg font-semibold">
                  {team.name}
                </h2>
                <p className="text-sm text-slate-600">
                  {plural(team.members.length, "member")} ·{" "}
                  {team.rotations.length === 0 ? (
                    "in no rotation"
                  ) : (
                    <>
                      in{" "}
                      {team.rotations.map((rotation, i) => (
                        <span key={rotation.id}>
                          {i > 0 && ", "}
                          <Link href={`/settings/meetings/rotations/${rotation.id}`} className="text-brand-700 underline">
                            {rotation.name}
                          </Link>
                        </span>
                      ))}
                    </>
                  )}
                </p>
              </div>
              <div className="flex gap-1">
                <RenameTeamButton teamId={team.id} name={team.name} />
                <DeleteTeamButton teamId={team.id} name={team.name} rotationNames={rotationNames} />
              </div>
            </div>
            {team.members.length > 0 ? (
              <ul aria-label={`Members of ${team.name}`} className="mt-4 divide-y divide-slate-100 rounded-md border border-slate-200">
                {team.members.map((member) => (
                  <li key={member.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                    <span className="min-w-0">
                      <span className="font-medium">{member.name}</span> <span className="text-slate-600">{member.email}</span>
                      {member.ineligibleText && <span className="block text-xs text-amber-900">Not eligible: {member.ineligibleText.toLowerCase()}</span>}
                    </span>
                    <RemoveTeamMemberButton teamId={team.id} teamName={team.name} userId={member.id} name={member.name} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-4 text-sm text-slate-600">No members yet.</p>
            )}
            <div className="mt-4">
              {inlineForms || team.id === addTo ? (
                <AddTeamMemberForm teamId={team.id} teamName={team.name} candidates={users.filter((u) => !memberIds.has(u.id))} rotationNames={rotationNames} />
              ) : (
                <Link href={`${here}${here.includes("?") ? "&" : "?"}add=${team.id}#${headingId}`} className="text-sm text-brand-700 underline">
                  Add a member to {team.name}
                </Link>
              )}
            </div>
          </section>
        );
      })}
    </SettingsFrame>
  );
}

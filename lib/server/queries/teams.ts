import "server-only";
import { and, asc, eq, exists, ilike, inArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotations, rotationTeams, teamMembers, teams, users } from "@/db/schema";
import { canManageRotations, ineligibilityReasons } from "@/lib/domain/permissions";
import { containsPattern, pageWindow, type PageWindow } from "@/lib/domain/paging";
import { describeIneligibility } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { userMatches, type ListQuery } from "./users";

export interface SettingsTeamMember {
  id: string;
  name: string;
  email: string;
  ineligibleText: string;
}

export interface SettingsTeam {
  id: string;
  name: string;
  members: SettingsTeamMember[];
  /** Rotations that include the team: its changes reach them (R2). */
  rotations: Array<{ id: string; name: string }>;
}

export interface TeamsPage {
  teams: SettingsTeam[];
  window: PageWindow;
  /** Teams in the organisation, whatever the search. */
  organisationTotal: number;
}

/** Teams are cards with their members and a form each, so fewer to a page than users. */
export const TEAMS_PAGE_SIZE = 20;

/**
 * One page of teams by name, each with its members and the rotations that include it. The
 * search matches the team's name, or the name or email of one of its members.
 */
export async function listTeams(db: Database, actor: Actor, query: ListQuery = {}): Promise<Result<TeamsPage>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can manage users and teams.");
  const memberMatches = userMatches(query.q);
  const matches = query.q
    ? or(
        ilike(teams.name, containsPattern(query.q)),
        exists(
          db
            .select({ one: sql`1` })
            .from(teamMembers)
            .innerJoin(users, eq(users.id, teamMembers.userId))
            .where(and(eq(teamMembers.teamId, teams.id), memberMatches)),
        ),
      )
    : undefined;
  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      matching: matches ? sql<number>`(count(*) filter (where ${matches}))::int` : sql<number>`count(*)::int`,
    })
    .from(teams);
  const window = pageWindow(query.page ?? 1, TEAMS_PAGE_SIZE, totals?.matching ?? 0);
  const teamRows =
    window.total === 0
      ? []
      : await db.select({ id: teams.id, name: teams.name }).from(teams).where(matches).orderBy(asc(teams.name), asc(teams.id)).limit(window.pageSize).offset(window.offset);
  const ids = teamRows.map((t) => t.id);
  const [memberRows, rotationRows] = ids.length
    ? await Promise.all([
        db
          .select({ teamId: teamMembers.teamId, user: users })
          .from(teamMembers)
          .innerJoin(users, eq(users.id, teamMembers.userId))
          .where(inArray(teamMembers.teamId, ids))
          .orderBy(asc(users.name), asc(users.id)),
        db
          .select({ teamId: rotationTeams.teamId, id: rotations.id, name: rotations.name })
          .from(rotationTeams)
          .innerJoin(rotations, eq(rotations.id, rotationTeams.rotationId))
          .where(inArray(rotationTeams.teamId, ids))
          .orderBy(asc(rotations.name)),
      ])
    : [[], []];
  const membersOf = new Map<string, SettingsTeamMember[]>();
  for (const { teamId, user } of memberRows) {
    const member = { id: user.id, name: user.name, email: user.email, ineligibleText: describeIneligibility(ineligibilityReasons(user)) };
    membersOf.set(teamId, [...(membersOf.get(teamId) ?? []), member]);
  }
  return ok({
    teams: teamRows.map((team) => ({
      ...team,
      members: membersOf.get(team.id) ?? [],
      rotations: rotationRows.filter((row) => row.teamId === team.id).map(({ id, name }) => ({ id, name })),
    })),
    window,
    organisationTotal: totals?.total ?? 0,
  });
}

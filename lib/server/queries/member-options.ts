import "server-only";
import { asc, eq, ilike, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { teamMembers, teams, users, type User } from "@/db/schema";
import { canManageRotations, ineligibilityReasons } from "@/lib/domain/permissions";
import { containsPattern } from "@/lib/domain/paging";
import { describeIneligibility } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import type { MemberOption, MemberOptions, TeamOption } from "./users";

const FORBIDDEN = "Only admins can manage rotations.";

/** At most this many matches in one answer, teams first (at most TEAM_SHARE of them). */
export const MEMBER_SEARCH_LIMIT = 20;
const TEAM_SHARE = 8;

export const memberSearchQuerySchema = z.strictObject({
  q: z.string().max(100, "Search with at most 100 characters.").optional().describe("Part of a team's name, or of a user's name or email; none lists the first by name."),
});

export interface MemberSearch {
  teams: TeamOption[];
  users: MemberOption[];
  /** The members of those teams, so the form can name who a team brings in and who is not eligible. */
  teamMembers: MemberOption[];
  /** More matched than were returned: typing more narrows them down. */
  more: boolean;
}

const toOption = (user: User): MemberOption => ({ id: user.id, name: user.name, email: user.email, ineligibleText: describeIneligibility(ineligibilityReasons(user)) });

/**
 * What the rotation member picker offers for a search (admins only): teams whose name and
 * users whose name or email contains it, by name, at most MEMBER_SEARCH_LIMIT in all.
 */
export async function searchMemberOptions(db: Database, actor: Actor, query: z.output<typeof memberSearchQuerySchema>): Promise<Result<MemberSearch>> {
  if (!canManageRotations(actor)) return fail("forbidden", FORBIDDEN);
  const text = query.q?.trim() ?? "";
  const pattern = text ? containsPattern(text) : null;
  // One more than can be shown of each, to know whether there is more.
  const [teamRows, userRows] = await Promise.all([
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(pattern ? ilike(teams.name, pattern) : undefined)
      .orderBy(asc(teams.name), asc(teams.id))
      .limit(TEAM_SHARE + 1),
    db
      .select()
      .from(users)
      .where(pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined)
      .orderBy(asc(users.name), asc(users.id))
      .limit(MEMBER_SEARCH_LIMIT + 1),
  ]);
  const shownTeams = teamRows.slice(0, TEAM_SHARE);
  const shownUsers = userRows.slice(0, MEMBER_SEARCH_LIMIT - shownTeams.length);
  const members = await membersOfTeams(db, shownTeams.map((t) => t.id));
  return ok({
    teams: shownTeams.map((team) => ({ ...team, memberIds: members.idsOf.get(team.id) ?? [] })),
    users: shownUsers.map(toOption),
    teamMembers: members.people,
    more: teamRows.length > shownTeams.length || userRows.length > shownUsers.length,
  });
}

/**
 * The options a rotation form starts with: the chosen users and teams, and every member of
 * those teams (for names, weights and the reset warning), however large the organisation.
 */
export async function memberOptionsFor(db: Database, actor: Actor, chosen: { userIds: readonly string[]; teamIds: readonly string[] }): Promise<Result<MemberOptions>> {
  if (!canManageRotations(actor)) return fail("forbidden", FORBIDDEN);
  const teamIds = [...chosen.teamIds];
  const [teamRows, members, direct] = await Promise.all([
    teamIds.length ? db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)).orderBy(asc(teams.name)) : Promise.resolve([]),
    membersOfTeams(db, teamIds),
    chosen.userIds.length ? db.select().from(users).where(inArray(users.id, [...chosen.userIds])) : Promise.resolve([]),
  ]);
  const people = new Map(members.people.map((p) => [p.id, p]));
  for (const user of direct) people.set(user.id, toOption(user));
  return ok({
    users: [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    teams: teamRows.map((team) => ({ ...team, memberIds: members.idsOf.get(team.id) ?? [] })),
  });
}

async function membersOfTeams(db: Database, teamIds: readonly string[]): Promise<{ idsOf: Map<string, string[]>; people: MemberOption[] }> {
  if (teamIds.length === 0) return { idsOf: new Map(), people: [] };
  const rows = await db
    .select({ teamId: teamMembers.teamId, user: users })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(inArray(teamMembers.teamId, [...teamIds]))
    .orderBy(asc(users.name), asc(users.id));
  const idsOf = new Map<string, string[]>();
  const people = new Map<string, MemberOption>();
  for (const { teamId, user } of rows) {
    idsOf.set(teamId, [...(idsOf.get(teamId) ?? []), user.id]);
    if (!people.has(user.id)) people.set(user.id, toOption(user));
  }
  return { idsOf, people: [...people.values()] };
}

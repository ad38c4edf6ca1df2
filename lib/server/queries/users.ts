import "server-only";
import { asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { calendarConnections, rotationMembers, teamMembers, teams, users, type User } from "@/db/schema";
import { canManageRotations, ineligibilityReasons } from "@/lib/domain/permissions";
import { describeIneligibility } from "@/lib/domain/ranking";
import { containsPattern, pageWindow, type PageWindow } from "@/lib/domain/paging";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { connectionState, type CalendarConnectionState } from "./calendar-connection";

const FORBIDDEN = "Only admins can manage users and teams.";

export type SettingsUser = Pick<
  User,
  "id" | "name" | "email" | "role" | "seatAssigned" | "canScheduleForOthers" | "calendarConnected" | "calendarSyncEnabled" | "active" | "timeZone" | "workingHours"
> & {
  teams: string[];
  rotationCount: number;
  /** Why they cannot be a rotation member (R3); empty when they can. */
  ineligibleText: string;
  /** Their calendar connection and its sync state (C1, C3). */
  calendar: CalendarConnectionState;
};

/** Every user with the settings an admin manages, by name. */
export async function listUsers(db: Database, actor: Actor): Promise<Result<SettingsUser[]>> {
  if (!canManageRotations(actor)) return fail("forbidden", FORBIDDEN);
  return ok(await settingsUsers(db));
}

export const USERS_PAGE_SIZE = 50;

/** `?q=` and `?page=` of Settings → Users and Settings → Teams; anything unreadable means "none". */
export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ListQuery = z.output<typeof listQuerySchema>;

export interface UsersPage {
  users: SettingsUser[];
  window: PageWindow;
  /** The whole organisation, whatever the search: for "12 active of 2,000". */
  organisation: { total: number; active: number };
}

/** A user's name or email contains the search, ignoring case. */
export function userMatches(query: string | undefined): SQL | undefined {
  if (!query) return undefined;
  const pattern = containsPattern(query);
  return or(ilike(users.name, pattern), ilike(users.email, pattern));
}

/**
 * One page of users by name (R3's eligibility and the calendar state for each), matching the
 * search by name or email. The count comes first so that a page past the end shows the last.
 */
export async function listUsersPage(db: Database, actor: Actor, query: ListQuery): Promise<Result<UsersPage>> {
  if (!canManageRotations(actor)) return fail("forbidden", FORBIDDEN);
  const matches = userMatches(query.q);
  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${users.active}))::int`,
      matching: matches ? sql<number>`(count(*) filter (where ${matches}))::int` : sql<number>`count(*)::int`,
    })
    .from(users);
  const window = pageWindow(query.page ?? 1, USERS_PAGE_SIZE, totals?.matching ?? 0);
  const rows = window.total === 0 ? [] : await settingsUsers(db, { where: matches, limit: window.pageSize, offset: window.offset });
  return ok({ users: rows, window, organisation: { total: totals?.total ?? 0, active: totals?.active ?? 0 } });
}

/** How many users the organisation has (for pages that change shape when it is large). */
export async function countUsers(db: Database, actor: Actor): Promise<Result<number>> {
  if (!canManageRotations(actor)) return fail("forbidden", FORBIDDEN);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return ok(row?.n ?? 0);
}

/** Users with their teams, rotation count and calendar state: all of them, or one page. */
async function settingsUsers(db: Database, slice?: { where: SQL | undefined; limit: number; offset: number }): Promise<SettingsUser[]> {
  const now = new Date();
  const base = db.select().from(users).leftJoin(calendarConnections, eq(calendarConnections.userId, users.id)).where(slice?.where).orderBy(asc(users.name), asc(users.id));
  const joined = slice ? await base.limit(slice.limit).offset(slice.offset) : await base;
  if (joined.length === 0) return [];
  // Only the shown users' teams and rotations: a page reads 50 users' rows, not the organisation's.
  const ids = slice ? joined.map((row) => row.users.id) : null;
  const [teamRows, rotationCounts] = await Promise.all([
    db
      .select({ userId: teamMembers.userId, name: teams.name })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(ids ? inArray(teamMembers.userId, ids) : undefined)
      .orderBy(asc(teams.name)),
    db
      .select({ userId: rotationMembers.userId, n: count() })
      .from(rotationMembers)
      .where(ids ? inArray(rotationMembers.userId, ids) : undefined)
      .groupBy(rotationMembers.userId),
  ]);
  const teamsOf = new Map<string, string[]>();
  for (const row of teamRows) teamsOf.set(row.userId, [...(teamsOf.get(row.userId) ?? []), row.name]);
  const rotationsOf = new Map(rotationCounts.map((r) => [r.userId, r.n]));
  return joined.map(({ users: user, calendar_connections: connection }) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    seatAssigned: user.seatAssigned,
    canScheduleForOthers: user.canScheduleForOthers,
    calendarConnected: user.calendarConnected,
    calendarSyncEnabled: user.calendarSyncEnabled,
    active: user.active,
    timeZone: user.timeZone,
    workingHours: user.workingHours,
    teams: teamsOf.get(user.id) ?? [],
    rotationCount: rotationsOf.get(user.id) ?? 0,
    ineligibleText: describeIneligibility(ineligibilityReasons({ ...user, calendarFailingSince: connection?.failingSince }, now)),
    calendar: connectionState({ calendarConnected: user.calendarConnected, syncEnabled: user.calendarSyncEnabled, connection }, now),
  }));
}

export interface MemberOption {
  id: string;
  name: string;
  email: string;
  /** Empty when the user may be picked as a member; otherwise why not (R3). */
  ineligibleText: string;
}

export interface TeamOption {
  id: string;
  name: string;
  memberIds: string[];
}

export interface MemberOptions {
  users: MemberOption[];
  teams: TeamOption[];
}

/** What the rotation member picker offers: every user (ineligible ones with the reason) and every team. */
export async function listMemberOptions(db: Database, actor: Actor): Promise<Result<MemberOptions>> {
  if (!canManageRotations(actor)) return fail("forbidden", FORBIDDEN);
  const userRows = await db.select().from(users).orderBy(asc(users.name), asc(users.id));
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
  const memberships = await db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers);
  const membersOf = new Map<string, string[]>();
  for (const m of memberships) membersOf.set(m.teamId, [...(membersOf.get(m.teamId) ?? []), m.userId]);
  return ok({
    users: userRows.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      ineligibleText: describeIneligibility(ineligibilityReasons(user)),
    })),
    teams: teamRows.map((team) => ({ ...team, memberIds: membersOf.get(team.id) ?? [] })),
  });
}

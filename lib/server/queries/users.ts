import "server-only";
import { asc, count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarConnections, rotationMembers, teamMembers, teams, users, type User } from "@/db/schema";
import { canManageRotations, ineligibilityReasons } from "@/lib/domain/permissions";
import { describeIneligibility } from "@/lib/domain/ranking";
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
  const now = new Date();
  const joined = await db.select().from(users).leftJoin(calendarConnections, eq(calendarConnections.userId, users.id)).orderBy(asc(users.name), asc(users.id));
  const teamRows = await db
    .select({ userId: teamMembers.userId, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .orderBy(asc(teams.name));
  const rotationCounts = await db.select({ userId: rotationMembers.userId, n: count() }).from(rotationMembers).groupBy(rotationMembers.userId);
  return ok(
    joined.map(({ users: user, calendar_connections: connection }) => ({
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
      teams: teamRows.filter((t) => t.userId === user.id).map((t) => t.name),
      rotationCount: rotationCounts.find((r) => r.userId === user.id)?.n ?? 0,
      ineligibleText: describeIneligibility(ineligibilityReasons({ ...user, calendarFailingSince: connection?.failingSince }, now)),
      calendar: connectionState({ calendarConnected: user.calendarConnected, syncEnabled: user.calendarSyncEnabled, connection }, now),
    })),
  );
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
  return ok({
    users: userRows.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      ineligibleText: describeIneligibility(ineligibilityReasons(user)),
    })),
    teams: teamRows.map((team) => ({
      ...team,
      memberIds: memberships.filter((m) => m.teamId === team.id).map((m) => m.userId),
    })),
  });
}

import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotations, rotationTeams, teamMembers, teams, users } from "@/db/schema";
import { canManageRotations, ineligibilityReasons } from "@/lib/domain/permissions";
import { describeIneligibility } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";

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

/** Every team with its members and the rotations that include it, by name. */
export async function listTeams(db: Database, actor: Actor): Promise<Result<SettingsTeam[]>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can manage users and teams.");
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
  const memberRows = await db
    .select({ teamId: teamMembers.teamId, user: users })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .orderBy(asc(users.name), asc(users.id));
  const rotationRows = await db
    .select({ teamId: rotationTeams.teamId, id: rotations.id, name: rotations.name })
    .from(rotationTeams)
    .innerJoin(rotations, eq(rotations.id, rotationTeams.rotationId))
    .orderBy(asc(rotations.name));
  return ok(
    teamRows.map((team) => ({
      ...team,
      members: memberRows
        .filter((row) => row.teamId === team.id)
        .map(({ user }) => ({ id: user.id, name: user.name, email: user.email, ineligibleText: describeIneligibility(ineligibilityReasons(user)) })),
      rotations: rotationRows.filter((row) => row.teamId === team.id).map(({ id, name }) => ({ id, name })),
    })),
  );
}

import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotationTeams, teams } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { lockRotations } from "@/lib/server/rotations/repository";
import { syncRotationMembers, type MembershipChange } from "@/lib/server/rotations/sync-members";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId } from "@/lib/server/validation";

export interface DeletedTeam {
  name: string;
  /** Each rotation that included the team, and who left it (R2). Leaving resets nothing (R7). */
  rotations: Array<{ rotationId: string } & MembershipChange>;
}

/**
 * Deletes a team. Rotations that included it lose it in the same transaction: users who were
 * members only through it leave those rotations, and the rotations' history says why.
 */
export async function deleteTeam(db: Database, actor: Actor, teamId: string): Promise<Result<DeletedTeam>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can delete teams.");
  if (!isEntityId(teamId)) return fail("team_not_found", "This team does not exist.");

  return inTransaction(db, async (tx) => {
    // Team, then its rotations in id order: the lock order of changeTeamMembership and
    // updateRotation, so none of them deadlock with this.
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("update");
    if (!team) return fail("team_not_found", "This team does not exist.");
    const including = await tx.select({ rotationId: rotationTeams.rotationId }).from(rotationTeams).where(eq(rotationTeams.teamId, teamId));
    const locked = await lockRotations(tx, including.map((row) => row.rotationId));

    // Cascades to team_members and rotation_teams.
    await tx.delete(teams).where(eq(teams.id, teamId));

    const details = { teamId, teamName: team.name, teamDeleted: true };
    const outcomes: DeletedTeam["rotations"] = [];
    for (const rotation of locked) {
      await recordAudit(tx, { rotationId: rotation.id, type: "rotation_settings_changed", actorUserId: actor.id, details: { teamRemoved: { id: teamId, name: team.name, reason: "team_deleted" } } });
      const change = await syncRotationMembers(tx, rotation, { actorUserId: actor.id, details });
      outcomes.push({ rotationId: rotation.id, ...change });
    }
    return ok({ name: team.name, rotations: outcomes });
  });
}

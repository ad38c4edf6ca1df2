import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotationTeams, teamMembers, teams, users } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { lockRotations } from "@/lib/server/rotations/repository";
import { syncRotationMembers, type MembershipChange } from "@/lib/server/rotations/sync-members";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, isUserId } from "@/lib/server/validation";

export interface TeamMembershipOutcome {
  changed: boolean;
  /** What happened in each rotation that includes the team (R2, R7). */
  rotations: Array<{ rotationId: string } & MembershipChange>;
}

export interface TeamMembershipOptions {
  /**
   * The rotations whose reset the admin confirmed, after a preview (queries/count-impact.ts).
   * When given, a change that would reset counts in any other rotation (a team added to a
   * rotation since the preview) is refused and rolled back. Absent: no confirmation asked.
   */
  confirmedResets?: readonly string[];
}

/**
 * Adds a user to a team or removes them. Every rotation that includes the team follows in
 * the same transaction (R2): a user joining becomes a new member there and resets counts.
 */
export async function changeTeamMembership(
  db: Database,
  actor: Actor,
  teamId: string,
  userId: string,
  change: "add" | "remove",
  options: TeamMembershipOptions = {},
): Promise<Result<TeamMembershipOutcome>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can change teams.");
  if (!isEntityId(teamId)) return fail("team_not_found", "This team does not exist.");
  if (!isUserId(userId)) return fail("user_not_found", "This user does not exist.");

  return inTransaction(db, async (tx) => {
    // Locking the team makes a concurrent "add this team to a rotation" wait for us (it takes
    // a share lock on the team), so no rotation can miss this change.
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("update");
    if (!team) return fail("team_not_found", "This team does not exist.");
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) return fail("user_not_found", "This user does not exist.");

    // Then the rotations, in id order (lockRotations). Team before rotation is the lock order
    // of every writer that takes both (updateRotation too), so none deadlock.
    const including = await tx.select({ rotationId: rotationTeams.rotationId }).from(rotationTeams).where(eq(rotationTeams.teamId, teamId));
    const locked = await lockRotations(tx, including.map((row) => row.rotationId));

    const membership = and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId));
    const written =
      change === "add"
        ? await tx.insert(teamMembers).values({ teamId, userId }).onConflictDoNothing().returning()
        : await tx.delete(teamMembers).where(membership).returning();
    if (written.length === 0) return ok({ changed: false, rotations: [] });

    const outcomes: TeamMembershipOutcome["rotations"] = [];
    for (const rotation of locked) {
      const result = await syncRotationMembers(tx, rotation, { actorUserId: actor.id, details: { teamId, teamName: team.name } });
      outcomes.push({ rotationId: rotation.id, ...result });
    }
    const { confirmedResets } = options;
    const unconfirmed = confirmedResets ? locked.filter((r, i) => outcomes[i]?.countsReset && !confirmedResets.includes(r.id)) : [];
    if (unconfirmed.length > 0) {
      const names = unconfirmed.map((r) => r.name).join(", ");
      return fail("confirmation_required", `This would now reset every count in ${names}. Nothing was changed: add again to review what it does.`);
    }
    return ok({ changed: true, rotations: outcomes });
  });
}

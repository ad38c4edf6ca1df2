import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotationMembers, rotations, rotationTeams, rotationUsers } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { lockRotation } from "@/lib/server/rotations/repository";
import { syncRotationMembers, type MembershipChange } from "@/lib/server/rotations/sync-members";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, parseInput } from "@/lib/server/validation";
import { checkChosenUsers, checkNameFree, checkTeamsExist, rotationInputSchema } from "./rotation-input";

/** Weights of current members; a weight for someone who is not a member is ignored. */
export async function applyWeights(tx: Database, rotationId: string, weights: Record<string, number>): Promise<void> {
  for (const [userId, weight] of Object.entries(weights)) {
    await tx
      .update(rotationMembers)
      .set({ weight })
      .where(and(eq(rotationMembers.rotationId, rotationId), eq(rotationMembers.userId, userId)));
  }
}

export interface UpdateRotationOptions {
  /**
   * Whether the admin confirmed that this save resets every count (R7), after a preview
   * (queries/count-impact.ts). When false, a save that would reset is refused and rolled
   * back. Absent: no confirmation asked (the API).
   */
  confirmedReset?: boolean;
}

/** Replaces a rotation's name, distribution and member sources with the given state. */
export async function updateRotation(db: Database, actor: Actor, rotationId: string, input: unknown, options: UpdateRotationOptions = {}): Promise<Result<MembershipChange>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can edit rotations.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const parsed = parseInput(rotationInputSchema, input);
  if (!parsed.ok) return parsed;
  const { name, distribution, userIds, teamIds, weights } = parsed.value;

  return inTransaction(db, async (tx) => {
    // Teams (share-locked here) before the rotation: the order changeTeamMembership takes
    // them in. The other way round, an edit and a team change deadlock and wait it out.
    const teamsExist = await checkTeamsExist(tx, teamIds);
    if (!teamsExist.ok) return teamsExist;
    const rotation = await lockRotation(tx, rotationId);
    if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
    const directRows = await tx.select({ userId: rotationUsers.userId }).from(rotationUsers).where(eq(rotationUsers.rotationId, rotationId));
    const alreadyDirect = new Set(directRows.map((row) => row.userId));
    for (const check of [() => checkNameFree(tx, name, rotationId), () => checkChosenUsers(tx, userIds, alreadyDirect)]) {
      const result = await check();
      if (!result.ok) return result;
    }

    if (name !== rotation.name || distribution !== rotation.distribution) {
      await tx.update(rotations).set({ name, distribution, updatedAt: new Date() }).where(eq(rotations.id, rotationId));
      if (name !== rotation.name) {
        await recordAudit(tx, { rotationId, type: "rotation_renamed", actorUserId: actor.id, details: { from: rotation.name, to: name } });
      }
      if (distribution !== rotation.distribution) {
        await recordAudit(tx, {
          rotationId,
          type: "rotation_settings_changed",
          actorUserId: actor.id,
          details: { distribution: { from: rotation.distribution, to: distribution } },
        });
      }
    }

    const wantedUsers = [...new Set(userIds)];
    const wantedTeams = [...new Set(teamIds)];
    await tx.delete(rotationUsers).where(and(eq(rotationUsers.rotationId, rotationId), wantedUsers.length ? notInArray(rotationUsers.userId, wantedUsers) : undefined));
    await tx.delete(rotationTeams).where(and(eq(rotationTeams.rotationId, rotationId), wantedTeams.length ? notInArray(rotationTeams.teamId, wantedTeams) : undefined));
    if (wantedUsers.length > 0) {
      await tx.insert(rotationUsers).values(wantedUsers.map((userId) => ({ rotationId, userId }))).onConflictDoNothing();
    }
    if (wantedTeams.length > 0) {
      await tx.insert(rotationTeams).values(wantedTeams.map((teamId) => ({ rotationId, teamId }))).onConflictDoNothing();
    }
    const change = await syncRotationMembers(tx, rotation, { actorUserId: actor.id });
    if (change.countsReset && options.confirmedReset === false) {
      return fail("confirmation_required", "Saving now adds new members, which resets every count. Nothing was changed: save again to review what it does.");
    }
    await applyWeights(tx, rotationId, weights);
    return ok(change);
  });
}

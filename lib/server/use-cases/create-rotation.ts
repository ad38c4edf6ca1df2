import "server-only";
import type { Database } from "@/db/client";
import { rotationTeams, rotations, rotationUsers } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { syncRotationMembers } from "@/lib/server/rotations/sync-members";
import { inTransaction } from "@/lib/server/transaction";
import { parseInput } from "@/lib/server/validation";
import { checkChosenUsers, checkNameFree, checkTeamsExist, rotationInputSchema } from "./rotation-input";
import { applyWeights } from "./update-rotation";

export async function createRotation(db: Database, actor: Actor, input: unknown): Promise<Result<{ rotationId: string }>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can create rotations.");
  const parsed = parseInput(rotationInputSchema, input);
  if (!parsed.ok) return parsed;
  const { name, distribution, userIds, teamIds, weights } = parsed.value;

  return inTransaction(db, async (tx) => {
    for (const check of [() => checkNameFree(tx, name), () => checkChosenUsers(tx, userIds), () => checkTeamsExist(tx, teamIds)]) {
      const result = await check();
      if (!result.ok) return result;
    }
    const [rotation] = await tx.insert(rotations).values({ name, distribution }).returning();
    if (!rotation) throw new Error("insert returned no rotation");
    const uniqueUsers = [...new Set(userIds)];
    const uniqueTeams = [...new Set(teamIds)];
    if (uniqueUsers.length > 0) await tx.insert(rotationUsers).values(uniqueUsers.map((userId) => ({ rotationId: rotation.id, userId })));
    if (uniqueTeams.length > 0) await tx.insert(rotationTeams).values(uniqueTeams.map((teamId) => ({ rotationId: rotation.id, teamId })));
    await recordAudit(tx, { rotationId: rotation.id, type: "rotation_created", actorUserId: actor.id, details: { name, distribution } });
    await syncRotationMembers(tx, rotation, { actorUserId: actor.id, isNewRotation: true });
    await applyWeights(tx, rotation.id, weights);
    return ok({ rotationId: rotation.id });
  });
}

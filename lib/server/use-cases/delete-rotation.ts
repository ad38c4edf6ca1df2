import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotations } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { lockRotation } from "@/lib/server/rotations/repository";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId } from "@/lib/server/validation";

/** Deletes a rotation. Its meetings stay (they lose the link); its history stays too. */
export async function deleteRotation(db: Database, actor: Actor, rotationId: string): Promise<Result<{ name: string }>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can delete rotations.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  return inTransaction(db, async (tx) => {
    const rotation = await lockRotation(tx, rotationId);
    if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
    await tx.delete(rotations).where(eq(rotations.id, rotationId));
    await recordAudit(tx, { rotationId, type: "rotation_deleted", actorUserId: actor.id, details: { name: rotation.name } });
    return ok({ name: rotation.name });
  });
}

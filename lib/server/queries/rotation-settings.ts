import "server-only";
import type { Database } from "@/db/client";
import { canBookWithRotation, canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { findRotation } from "@/lib/server/rotations/repository";
import { storedSettingsOf, type StoredSettings } from "@/lib/server/use-cases/rotation-settings-input";
import { isEntityId } from "@/lib/server/validation";

/** A rotation's fairness settings (R14–R18), for anyone who may see the rotation. */
export async function getRotationSettings(db: Database, actor: Actor, rotationId: string): Promise<Result<StoredSettings>> {
  if (!canManageRotations(actor) && !canBookWithRotation(actor)) return fail("forbidden", "You need the permission “Create scheduling pages for others”, or to be an admin.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const rotation = await findRotation(db, rotationId);
  return rotation ? ok(storedSettingsOf(rotation)) : fail("rotation_not_found", "This rotation does not exist.");
}

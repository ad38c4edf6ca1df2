import "server-only";
import type { Database } from "@/db/client";
import type { Rotation } from "@/db/schema";
import { canBookWithRotation, canManageRotations } from "@/lib/domain/permissions";
import { rankMembers, type Ranking } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { findRotation, loadCandidates } from "@/lib/server/rotations/repository";
import { isEntityId } from "@/lib/server/validation";

export interface Proposal {
  rotation: Pick<Rotation, "id" | "name" | "distribution" | "countsResetAt">;
  ranking: Ranking;
}

/** Who is next in a rotation (R8, R8w), with the full ranking that explains it. */
export async function getProposal(db: Database, actor: Actor, rotationId: string): Promise<Result<Proposal>> {
  if (!canBookWithRotation(actor) && !canManageRotations(actor)) {
    return fail("forbidden", "You need a seat and the permission “Create scheduling pages for others”.");
  }
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const rotation = await findRotation(db, rotationId);
  if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
  const candidates = await loadCandidates(db, rotationId);
  const { id, name, distribution, countsResetAt } = rotation;
  return ok({ rotation: { id, name, distribution, countsResetAt }, ranking: rankMembers(candidates, distribution) });
}

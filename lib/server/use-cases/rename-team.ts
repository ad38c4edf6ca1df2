import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { teams } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, parseInput } from "@/lib/server/validation";
import { checkTeamNameFree, teamNameSchema } from "./create-team";

export const renameTeamSchema = z.strictObject({ name: teamNameSchema });

/**
 * Renames a team. Rotations that include it keep it, and nothing resets (R7); their history
 * keeps the name the team had when each change happened.
 */
export async function renameTeam(db: Database, actor: Actor, teamId: string, input: unknown): Promise<Result<{ from: string; to: string }>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can rename teams.");
  if (!isEntityId(teamId)) return fail("team_not_found", "This team does not exist.");
  const parsed = parseInput(renameTeamSchema, input);
  if (!parsed.ok) return parsed;
  const { name } = parsed.value;

  return inTransaction(db, async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("update");
    if (!team) return fail("team_not_found", "This team does not exist.");
    const nameFree = await checkTeamNameFree(tx, name, teamId);
    if (!nameFree.ok) return nameFree;
    if (team.name !== name) await tx.update(teams).set({ name }).where(eq(teams.id, teamId));
    return ok({ from: team.name, to: name });
  });
}

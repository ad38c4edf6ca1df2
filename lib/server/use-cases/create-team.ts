import "server-only";
import { and, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { teamMembers, teams, users } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { inTransaction } from "@/lib/server/transaction";
import { parseInput, plainText, userId } from "@/lib/server/validation";

export const teamNameSchema = plainText({ max: 100, required: "Enter a team name." });

export const createTeamSchema = z.strictObject({
  name: teamNameSchema,
  userIds: z.array(userId).max(500).default([]),
});

const NAME_TAKEN = "A team with that name already exists.";

/** Team names are unique whatever their case, like the database's `teams_name_lower_key`. */
export async function checkTeamNameFree(tx: Database, name: string, exceptTeamId?: string): Promise<Result<null>> {
  const sameName = sql`lower(${teams.name}) = lower(${name})`;
  const [clash] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(exceptTeamId ? and(sameName, ne(teams.id, exceptTeamId)) : sameName);
  return clash ? fail("name_taken", NAME_TAKEN, { name: [NAME_TAKEN] }) : ok(null);
}

/**
 * Creates a team, optionally with its first members. A new team is in no rotation yet, so
 * nothing else changes; adding it to a rotation is the rotation's edit.
 */
export async function createTeam(db: Database, actor: Actor, input: unknown): Promise<Result<{ teamId: string }>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can create teams.");
  const parsed = parseInput(createTeamSchema, input);
  if (!parsed.ok) return parsed;
  const { name } = parsed.value;
  const memberIds = [...new Set(parsed.value.userIds)];

  return inTransaction(db, async (tx) => {
    const nameFree = await checkTeamNameFree(tx, name);
    if (!nameFree.ok) return nameFree;
    if (memberIds.length > 0) {
      const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, memberIds));
      if (found.length !== memberIds.length) return fail("validation", "Some chosen users do not exist.", { userIds: ["Some chosen users do not exist."] });
    }
    const [team] = await tx.insert(teams).values({ name }).returning({ id: teams.id });
    if (!team) throw new Error("insert returned no team");
    if (memberIds.length > 0) await tx.insert(teamMembers).values(memberIds.map((id) => ({ teamId: team.id, userId: id })));
    return ok({ teamId: team.id });
  });
}

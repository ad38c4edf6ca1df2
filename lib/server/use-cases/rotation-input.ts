import "server-only";
import { and, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { rotations, teams, users } from "@/db/schema";
import { describeIneligibility } from "@/lib/domain/ranking";
import { ineligibilityReasons } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import { entityId, plainText, userId } from "@/lib/server/validation";

export const rotationNameSchema = plainText({ max: 100, required: "Enter a rotation name." });

/** What the rotation panel sends, and the API's body: the whole desired state. */
export const rotationInputSchema = z
  .strictObject({
    name: rotationNameSchema,
    distribution: z.enum(["even", "weighted"]).default("even"),
    userIds: z.array(userId).max(500).default([]),
    teamIds: z.array(entityId).max(100).default([]),
    /** Per-member weight for weighted distribution (R8w); members not listed keep theirs. */
    weights: z.record(userId, z.number().int().min(1, "Weights are whole numbers from 1.").max(1000)).default({}),
  })
  .refine((v) => v.userIds.length + v.teamIds.length > 0, { message: "Choose at least one user or team.", path: ["members"] });

export type RotationInput = z.output<typeof rotationInputSchema>;

export async function checkNameFree(tx: Database, name: string, exceptRotationId?: string): Promise<Result<null>> {
  const sameName = sql`lower(${rotations.name}) = lower(${name})`;
  const [clash] = await tx
    .select({ id: rotations.id })
    .from(rotations)
    .where(exceptRotationId ? and(sameName, ne(rotations.id, exceptRotationId)) : sameName);
  if (clash) return fail("name_taken", "A rotation with that name already exists.", { name: ["A rotation with that name already exists."] });
  return ok(null);
}

/**
 * Users picked one by one must exist and be able to take meetings (R3). `alreadyDirect`
 * members are exempt: someone who lost their seat stays listed rather than blocking an edit.
 */
export async function checkChosenUsers(tx: Database, userIds: readonly string[], alreadyDirect: ReadonlySet<string> = new Set()): Promise<Result<null>> {
  const fresh = [...new Set(userIds)].filter((id) => !alreadyDirect.has(id));
  if (fresh.length === 0) return ok(null);
  const found = await tx.select().from(users).where(inArray(users.id, fresh));
  if (found.length !== fresh.length) return fail("validation", "Some chosen users do not exist.", { members: ["Some chosen users do not exist."] });
  const refused = found
    .map((user) => ({ user, reasons: ineligibilityReasons(user) }))
    .filter((entry) => entry.reasons.length > 0);
  if (refused.length > 0) {
    const message = refused.map(({ user, reasons }) => `${user.name} can't be a member: ${describeIneligibility(reasons).toLowerCase()}.`).join(" ");
    return fail("not_eligible", message, { members: [message] });
  }
  return ok(null);
}

export async function checkTeamsExist(tx: Database, teamIds: readonly string[]): Promise<Result<null>> {
  const unique = [...new Set(teamIds)];
  if (unique.length === 0) return ok(null);
  // Share locks keep a concurrent team-membership change from slipping between this
  // rotation's membership sync and its commit (see change-team-membership.ts).
  const found = await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, unique)).for("share");
  if (found.length !== unique.length) return fail("team_not_found", "Some chosen teams do not exist.", { members: ["Some chosen teams do not exist."] });
  return ok(null);
}

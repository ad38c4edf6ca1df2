import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { rotationMembers } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { appendToLedger } from "@/lib/server/fairness/ledger";
import { lockRotation } from "@/lib/server/rotations/repository";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, isUserId, parseInput, plainText } from "@/lib/server/validation";

export const MAX_ADJUSTMENT = 100;

export const adjustmentInputSchema = z.strictObject({
  delta: z.coerce
    .number({ message: "Enter a whole number, e.g. 2 or -1." })
    .int("Enter a whole number, e.g. 2 or -1.")
    .min(-MAX_ADJUSTMENT, `Adjust by at most ${MAX_ADJUSTMENT} at a time.`)
    .max(MAX_ADJUSTMENT, `Adjust by at most ${MAX_ADJUSTMENT} at a time.`)
    .refine((delta) => delta !== 0, "Enter a change other than 0."),
  reason: plainText({ max: 200, required: "Say why the count changes." }),
});

/**
 * A manual adjustment of one member's count by an admin, with a required reason (R13): a
 * ledger entry in the current generation, audited. A count never goes below zero, so a
 * change that would take it there is refused.
 */
export async function adjustCount(db: Database, actor: Actor, rotationId: string, userId: string, input: unknown): Promise<Result<{ count: number }>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can adjust counts.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  if (!isUserId(userId)) return fail("not_a_member", "This user is not a member of the rotation.");
  const parsed = parseInput(adjustmentInputSchema, input);
  if (!parsed.ok) return parsed;
  const { delta, reason } = parsed.value;

  return inTransaction(db, async (tx) => {
    const rotation = await lockRotation(tx, rotationId);
    if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
    const member = and(eq(rotationMembers.rotationId, rotationId), eq(rotationMembers.userId, userId));
    const [row] = await tx.select({ count: rotationMembers.bookedCount }).from(rotationMembers).where(member);
    if (!row) return fail("not_a_member", "This user is not a member of the rotation.");
    if (row.count + delta < 0) {
      const message = `The count is ${row.count}; it cannot go below 0.`;
      return fail("validation", message, { delta: [message] });
    }
    await appendToLedger(tx, rotation.resetGeneration, [
      { rotationId, userId, generation: rotation.resetGeneration, delta, cause: "adjustment", actorUserId: actor.id, reason },
    ]);
    await recordAudit(tx, { rotationId, type: "count_adjusted", actorUserId: actor.id, subjectUserId: userId, details: { delta, reason, cause: "adjustment" } });
    return ok({ count: row.count + delta });
  });
}

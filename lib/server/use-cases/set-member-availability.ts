import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { rotationMembers, unavailablePeriods } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { lockRotation } from "@/lib/server/rotations/repository";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, isUserId, parseInput } from "@/lib/server/validation";

export const availabilityInputSchema = z.strictObject({ available: z.boolean({ message: "available must be true or false." }) });

/** Switches one member's availability in one rotation (R5). Counts are left alone; the period is kept for keep level (R16). */
export async function setMemberAvailability(
  db: Database,
  actor: Actor,
  rotationId: string,
  userId: string,
  input: unknown,
): Promise<Result<{ available: boolean; changed: boolean }>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can change availability.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  if (!isUserId(userId)) return fail("not_a_member", "This user is not a member of the rotation.");
  const parsed = parseInput(availabilityInputSchema, input);
  if (!parsed.ok) return parsed;
  const { available } = parsed.value;

  return inTransaction(db, async (tx) => {
    if (!(await lockRotation(tx, rotationId))) return fail("rotation_not_found", "This rotation does not exist.");
    const member = and(eq(rotationMembers.rotationId, rotationId), eq(rotationMembers.userId, userId));
    const [row] = await tx.select({ available: rotationMembers.available }).from(rotationMembers).where(member);
    if (!row) return fail("not_a_member", "This user is not a member of the rotation.");
    if (row.available === available) return ok({ available, changed: false });
    await tx.update(rotationMembers).set({ available }).where(member);
    // Keep level (R16) calibrates for the time a member was switched off.
    if (available) {
      await tx
        .update(unavailablePeriods)
        .set({ endedAt: sql`now()` })
        .where(and(eq(unavailablePeriods.rotationId, rotationId), eq(unavailablePeriods.userId, userId), isNull(unavailablePeriods.endedAt)));
    } else {
      await tx.insert(unavailablePeriods).values({ rotationId, userId, startedAt: sql`now()` });
    }
    await recordAudit(tx, { rotationId, type: "availability_changed", actorUserId: actor.id, subjectUserId: userId, details: { available } });
    return ok({ available, changed: true });
  });
}

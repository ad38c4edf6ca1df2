import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { outOfOfficePeriods, users } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import { zonedWallTimeToInstant } from "@/lib/domain/week";
import type { Actor } from "@/lib/server/actor";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, parseInput, plainText, userId } from "@/lib/server/validation";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const WHEN = "Use a date and time, e.g. 2030-07-01T09:00 (your time zone) or 2030-07-01T09:00:00Z.";
const MAX_LENGTH_MS = 366 * 86_400_000;

/** An instant with an offset, or a wall-clock time read in the user's zone (the form's input). */
const when = z.string({ message: WHEN }).trim().max(40, WHEN).refine((v) => LOCAL.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success, WHEN);

export const outOfOfficeInputSchema = z.strictObject({
  userId: userId.optional(),
  start: when,
  end: when,
  note: plainText({ max: 200 }).optional(),
});

function toInstant(value: string, timeZone: string): Date {
  const local = LOCAL.exec(value);
  if (!local) return new Date(value);
  const [, y, mo, d, h, mi] = local.map(Number) as [number, number, number, number, number, number];
  return zonedWallTimeToInstant(Math.floor(Date.UTC(y, mo - 1, d) / 86_400_000), h * 60 + mi, timeZone);
}

/**
 * Adds an out-of-office period (R16): users set their own, admins anyone's. While it runs the
 * user is skipped in every rotation; rankings and bookings read periods in their own
 * transactions, so a booking either sees the period or was made before it existed.
 */
export async function addOutOfOfficePeriod(db: Database, actor: Actor, input: unknown, now = new Date()): Promise<Result<{ id: string }>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  const parsed = parseInput(outOfOfficeInputSchema, input);
  if (!parsed.ok) return parsed;
  const subjectId = parsed.value.userId ?? actor.id;
  if (subjectId !== actor.id && !canManageRotations(actor)) return fail("forbidden", "Only admins can set someone else's out-of-office periods.");
  const [subject] = await db.select({ id: users.id, timeZone: users.timeZone }).from(users).where(eq(users.id, subjectId));
  if (!subject) return fail("user_not_found", "This user does not exist.", { userId: ["Choose a user."] });

  const start = toInstant(parsed.value.start, subject.timeZone);
  const end = toInstant(parsed.value.end, subject.timeZone);
  if (end.getTime() <= start.getTime()) return fail("validation", "The end must be after the start.", { end: ["The end must be after the start."] });
  if (end.getTime() <= now.getTime()) return fail("validation", "The period has already ended.", { end: ["Choose an end in the future."] });
  if (end.getTime() - start.getTime() > MAX_LENGTH_MS) return fail("validation", "A period lasts at most a year.", { end: ["A period lasts at most a year."] });

  return inTransaction(db, async (tx) => {
    // Lock the user's row so two overlapping periods cannot both pass the check.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, subjectId)).for("update");
    const [clash] = await tx
      .select({ id: outOfOfficePeriods.id })
      .from(outOfOfficePeriods)
      .where(and(eq(outOfOfficePeriods.userId, subjectId), lt(outOfOfficePeriods.startsAt, end), gt(outOfOfficePeriods.endsAt, start)));
    if (clash) return fail("validation", "This overlaps another out-of-office period.", { start: ["This overlaps another out-of-office period."] });
    const [row] = await tx
      .insert(outOfOfficePeriods)
      .values({ userId: subjectId, startsAt: start, endsAt: end, note: parsed.value.note || null, createdByUserId: actor.id })
      .returning({ id: outOfOfficePeriods.id });
    return ok({ id: row!.id });
  });
}

/** Deletes a period: its user or an admin. Deleting one already gone is not an error. */
export async function deleteOutOfOfficePeriod(db: Database, actor: Actor, periodId: string): Promise<Result<{ deleted: boolean }>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  if (!isEntityId(periodId)) return fail("not_found", "This out-of-office period does not exist.");
  const [period] = await db.select({ userId: outOfOfficePeriods.userId }).from(outOfOfficePeriods).where(eq(outOfOfficePeriods.id, periodId));
  if (!period) return ok({ deleted: false });
  if (period.userId !== actor.id && !canManageRotations(actor)) return fail("forbidden", "Only admins can delete someone else's out-of-office periods.");
  const gone = await db.delete(outOfOfficePeriods).where(eq(outOfOfficePeriods.id, periodId)).returning({ id: outOfOfficePeriods.id });
  return ok({ deleted: gone.length > 0 });
}

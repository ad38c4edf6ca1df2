import "server-only";
import { and, asc, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outOfOfficePeriods, rotationMembers, users } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { z } from "zod";
import { isEntityId, isUserId, userId as userIdSchema } from "@/lib/server/validation";

/** The query of GET /out-of-office. */
export const outOfOfficeQuerySchema = z.strictObject({ userId: userIdSchema.optional().describe("Admins: one user's periods.") });

export interface OutOfOfficeView {
  id: string;
  userId: string;
  userName: string;
  start: Date;
  end: Date;
  note: string | null;
  /** Whether the viewer may delete it: their own, or any for an admin. */
  canDelete: boolean;
}

async function periodsWhere(db: Database, actor: Actor, where: SQL | undefined, now: Date): Promise<OutOfOfficeView[]> {
  const rows = await db
    .select({ id: outOfOfficePeriods.id, userId: outOfOfficePeriods.userId, userName: users.name, start: outOfOfficePeriods.startsAt, end: outOfOfficePeriods.endsAt, note: outOfOfficePeriods.note })
    .from(outOfOfficePeriods)
    .innerJoin(users, eq(users.id, outOfOfficePeriods.userId))
    .where(and(gt(outOfOfficePeriods.endsAt, now), where))
    .orderBy(asc(outOfOfficePeriods.startsAt), asc(users.name))
    .limit(500);
  const admin = canManageRotations(actor);
  return rows.map((r) => ({ ...r, canDelete: admin || r.userId === actor.id }));
}

/**
 * Current and upcoming out-of-office periods (R16): one's own, or for an admin everyone's
 * (or one user's with `userId`). Past periods are not listed; keep level still reads them.
 */
export async function listOutOfOffice(db: Database, actor: Actor, options: { userId?: string } = {}, now = new Date()): Promise<Result<OutOfOfficeView[]>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  const admin = canManageRotations(actor);
  if (options.userId !== undefined && !isUserId(options.userId)) return fail("validation", "Not a valid user id.", { userId: ["Not a valid user id."] });
  if (options.userId && options.userId !== actor.id && !admin) return fail("forbidden", "Only admins can see someone else's out-of-office periods.");
  const userId = options.userId ?? (admin ? undefined : actor.id);
  return ok(await periodsWhere(db, actor, userId ? eq(outOfOfficePeriods.userId, userId) : undefined, now));
}

/** The current and upcoming periods of a rotation's members, for its page. */
export async function listRotationOutOfOffice(db: Database, actor: Actor, rotationId: string, now = new Date()): Promise<Result<OutOfOfficeView[]>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can see this.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const members = db.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
  return ok(await periodsWhere(db, actor, inArray(outOfOfficePeriods.userId, members), now));
}

import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { rotationMembers, sessions, users, type User } from "@/db/schema";
import { canManageRotations, ineligibilityReasons } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import { isValidTimeZone, parseWallTime } from "@/lib/domain/working-hours";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { lockRotations } from "@/lib/server/rotations/repository";
import { syncRotationMembers } from "@/lib/server/rotations/sync-members";
import { inTransaction } from "@/lib/server/transaction";
import { parseInput, userId as userIdSchema } from "@/lib/server/validation";

export const workingHoursSchema = z
  .strictObject({
    weekdays: z
      .array(z.number().int().min(0).max(6))
      .max(7)
      .refine((days) => new Set(days).size === days.length, "Pick each day at most once."),
    start: z.string().refine((value) => parseWallTime(value) !== null, "Use a time such as 09:00."),
    end: z.string().refine((value) => parseWallTime(value, true) !== null, "Use a time such as 17:00."),
  })
  .refine(
    (hours) => {
      const [start, end] = [parseWallTime(hours.start), parseWallTime(hours.end, true)];
      // A malformed time already has its own message; only compare two good ones.
      return start === null || end === null || end > start;
    },
    {
      message: "The end must be after the start.",
      path: ["end"],
    },
  )
  // Stored sorted, so the same days always compare equal.
  .transform((hours) => ({ ...hours, weekdays: [...hours.weekdays].sort((a, b) => a - b) }));

/** Every field is optional: the users page saves a whole form, a script may change one switch. */
export const updateUserSchema = z
  .strictObject({
    role: z.enum(["admin", "member"], { message: "Choose Admin or Member." }).optional(),
    seatAssigned: z.boolean().optional(),
    canScheduleForOthers: z.boolean().optional(),
    calendarConnected: z.boolean().optional(),
    calendarSyncEnabled: z.boolean().optional(),
    active: z.boolean().optional(),
    timeZone: z
      .string()
      .trim()
      .min(1, { message: "Enter a time zone.", abort: true })
      .max(100)
      .refine(isValidTimeZone, "Use a time zone name such as Europe/Paris or America/New_York.")
      .optional(),
    workingHours: workingHoursSchema.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "Nothing to change.",
    path: ["_"],
    // An unknown field already explains the refusal.
    when: (payload) => payload.issues.length === 0,
  });

export type UpdateUserInput = z.output<typeof updateUserSchema>;

export interface UserUpdateOutcome {
  userId: string;
  /** Rotations where the user is a member and their eligibility (R3) changed. */
  eligibilityChangedIn: string[];
}

function sameReasons(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((reason, i) => reason === b[i]);
}

/** Refuses changes that would lock everyone out: yourself, or the last active admin. */
async function checkAdminsRemain(tx: Database, actor: Actor, target: User, changes: UpdateUserInput): Promise<Result<null>> {
  const losesAdmin = target.role === "admin" && target.active && (changes.role === "member" || changes.active === false);
  if (!losesAdmin) return ok(null);
  if (target.id === actor.id) {
    const field = changes.active === false ? "active" : "role";
    const message = field === "active" ? "You can't deactivate yourself." : "You can't remove your own admin role.";
    return fail("validation", message, { [field]: [message] });
  }
  // Locking the other admins makes two admins demoting each other at once take turns: the
  // second then sees it is no longer an admin itself.
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, target.id)))
    .orderBy(users.id)
    .for("no key update");
  if (!others.some((admin) => admin.id === actor.id)) return fail("forbidden", "Only admins can change users.");
  return ok(null);
}

/**
 * Changes a user's role, seat, permission, calendar, time zone, working hours or active
 * state. A member who loses eligibility stays in their rotations, marked not eligible (R3);
 * each rotation they are in is locked first so a booking in it sees the user before or after
 * the change, never half of it, and the rotation's history says what changed. Deactivation
 * also ends the user's sessions, in the same transaction.
 */
export async function updateUser(db: Database, actor: Actor, userId: unknown, input: unknown): Promise<Result<UserUpdateOutcome>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can change users.");
  const id = userIdSchema.safeParse(userId);
  if (!id.success) return fail("user_not_found", "This user does not exist.");
  const parsed = parseInput(updateUserSchema, input);
  if (!parsed.ok) return parsed;
  const changes = parsed.value;

  return inTransaction(db, async (tx) => {
    // Rotations first, in id order, as every writer takes them; user rows are only ever locked
    // "for no key update", which does not wait for the key-share locks bookings take on hosts.
    const memberships = await tx.select({ rotationId: rotationMembers.rotationId }).from(rotationMembers).where(eq(rotationMembers.userId, id.data));
    const locked = await lockRotations(tx, memberships.map((row) => row.rotationId));
    const [target] = await tx.select().from(users).where(eq(users.id, id.data)).for("no key update");
    if (!target) return fail("user_not_found", "This user does not exist.");
    const adminsRemain = await checkAdminsRemain(tx, actor, target, changes);
    if (!adminsRemain.ok) return adminsRemain;

    const [updated] = await tx
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, target.id))
      .returning();
    if (!updated) throw new Error("update returned no user");
    // Pages refuse an inactive user, but their sessions would work again on reactivation:
    // end them with the deactivation, so coming back means signing in again.
    if (changes.active === false) await tx.delete(sessions).where(eq(sessions.userId, target.id));

    const before = ineligibilityReasons(target);
    const after = ineligibilityReasons(updated);
    const eligibilityChangedIn: string[] = [];
    for (const rotation of locked) {
      await syncRotationMembers(tx, rotation, { actorUserId: actor.id, details: { userId: target.id } });
      if (sameReasons(before, after)) continue;
      eligibilityChangedIn.push(rotation.id);
      // No audit type is specific to eligibility; it is a change to who can be proposed.
      await recordAudit(tx, {
        rotationId: rotation.id,
        type: "rotation_settings_changed",
        actorUserId: actor.id,
        subjectUserId: target.id,
        details: { memberEligibility: { from: before, to: after } },
      });
    }
    return ok({ userId: target.id, eligibilityChangedIn });
  });
}

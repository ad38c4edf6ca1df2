import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotationMembers, rotations, users, type Rotation } from "@/db/schema";
import { countWindowStart } from "@/lib/domain/rotation-settings";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { loadCounts } from "@/lib/server/fairness/counts";
import { appendToLedger } from "@/lib/server/fairness/ledger";
import { noShowCreditChanges } from "@/lib/server/fairness/no-show-credits";
import { settingsOf } from "@/lib/server/fairness/settings";
import { findRotation, lockRotation } from "@/lib/server/rotations/repository";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, parseInput } from "@/lib/server/validation";
import { applySettings, rotationSettingsInputSchema, storedSettingsOf, type StoredSettings } from "./rotation-settings-input";

export interface CountChange {
  userId: string;
  name: string;
  from: number;
  to: number;
}

/** What saving these settings would do to each member's count now (DESIGN §5: say so first). */
export async function previewRotationSettings(db: Database, actor: Actor, rotationId: string, input: unknown): Promise<Result<{ changes: CountChange[] }>> {
  const checked = await checkInput(db, actor, rotationId, input);
  if (!checked.ok) return checked;
  const { rotation, next } = checked.value;
  return ok({ changes: await countChanges(db, rotation, next, new Date()) });
}

/**
 * Saves a rotation's fairness settings (R14–R18), audited. Turning the counting of no-shows
 * off or on writes the credit-backs it implies (R17), under the rotation's lock like a booking.
 */
export async function updateRotationSettings(db: Database, actor: Actor, rotationId: string, input: unknown): Promise<Result<{ settings: StoredSettings; changed: string[] }>> {
  const checked = await checkInput(db, actor, rotationId, input);
  if (!checked.ok) return checked;
  return inTransaction(db, async (tx) => {
    const rotation = await lockRotation(tx, rotationId);
    if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
    const { next, changes } = applySettings(storedSettingsOf(rotation), checked.value.input);
    const changed = Object.keys(changes);
    if (changed.length === 0) return ok({ settings: next, changed });
    await tx.update(rotations).set(next).where(eq(rotations.id, rotationId));
    if (changes.countNoShows) await appendToLedger(tx, rotation.resetGeneration, await noShowCreditChanges(tx, rotation, next.countNoShows, actor.id));
    await recordAudit(tx, { rotationId, type: "rotation_settings_changed", actorUserId: actor.id, details: { settings: changes } });
    return ok({ settings: next, changed });
  });
}

async function checkInput(db: Database, actor: Actor, rotationId: string, input: unknown) {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can change a rotation's settings.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const parsed = parseInput(rotationSettingsInputSchema, input);
  if (!parsed.ok) return parsed;
  const rotation = await findRotation(db, rotationId);
  if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
  const { next } = applySettings(storedSettingsOf(rotation), parsed.value);
  return ok({ rotation, next, input: parsed.value });
}

/** Members whose shown count differs between the current settings and `next`, with both figures. */
async function countChanges(db: Database, rotation: Rotation, next: StoredSettings, now: Date): Promise<CountChange[]> {
  const nextRotation = { ...rotation, ...next };
  const nextSettings = settingsOf(nextRotation);
  const [before, after, names] = await Promise.all([
    loadCounts(db, rotation, settingsOf(rotation), now),
    loadCounts(db, rotation, nextSettings, now),
    db.select({ id: users.id, name: users.name }).from(users).innerJoin(rotationMembers, eq(rotationMembers.userId, users.id)).where(eq(rotationMembers.rotationId, rotation.id)),
  ]);
  if (next.countNoShows !== rotation.countNoShows) {
    const since = countWindowStart(nextSettings, rotation.countsResetAt, now);
    for (const credit of await noShowCreditChanges(db, rotation, next.countNoShows, null, since)) {
      const count = after.get(credit.userId);
      if (count) count.count = Math.max(0, count.count + credit.delta);
    }
  }
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  return [...before]
    .map(([userId, { count }]) => ({ userId, name: nameOf.get(userId) ?? userId, from: count, to: after.get(userId)?.count ?? count }))
    .filter((c) => c.from !== c.to)
    .sort((a, b) => a.name.localeCompare(b.name));
}

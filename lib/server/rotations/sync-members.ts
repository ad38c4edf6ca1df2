import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { countEntries, rotationMembers, rotations, rotationTeams, rotationUsers, teamMembers, type Rotation } from "@/db/schema";
import { startLevel } from "@/lib/domain/calibration";
import { rankMembers } from "@/lib/domain/ranking";
import { recordAudit } from "@/lib/server/audit";
import { appendToLedger } from "@/lib/server/fairness/ledger";
import { loadCandidatesAt } from "@/lib/server/fairness/member-state";
import { latestScheduledSql } from "./repository";

export interface MembershipChange {
  added: string[];
  removed: string[];
  countsReset: boolean;
}

/** Who the members are now: users chosen directly plus every current user of a chosen team (R2). */
async function desiredMemberIds(tx: Database, rotationId: string): Promise<Set<string>> {
  const direct = await tx.select({ userId: rotationUsers.userId }).from(rotationUsers).where(eq(rotationUsers.rotationId, rotationId));
  const viaTeams = await tx
    .select({ userId: teamMembers.userId })
    .from(rotationTeams)
    .innerJoin(teamMembers, eq(teamMembers.teamId, rotationTeams.teamId))
    .where(eq(rotationTeams.rotationId, rotationId));
  return new Set([...direct, ...viaTeams].map((row) => row.userId));
}

/**
 * Brings `rotation_members` in line with the rotation's users and teams, after any change
 * to them. Someone who was not a member and now is counts as new, which resets every
 * count (R7) or, under the start-level policy, starts them at the others' level (R15); someone who stops being a member loses their row, so coming back later makes
 * them new again. The caller holds the rotation's lock.
 */
export interface SyncContext {
  actorUserId: string | null;
  /** Why membership changed (e.g. the team involved), kept in the history. */
  details?: Record<string, unknown>;
  /** A rotation being created has nothing to reset; its history says "created" instead. */
  isNewRotation?: boolean;
}

export async function syncRotationMembers(tx: Database, rotation: Rotation, context: SyncContext): Promise<MembershipChange> {
  const { actorUserId, details = {}, isNewRotation = false } = context;
  const desired = await desiredMemberIds(tx, rotation.id);
  const currentRows = await tx
    .select({ userId: rotationMembers.userId })
    .from(rotationMembers)
    .where(eq(rotationMembers.rotationId, rotation.id));
  const current = new Set(currentRows.map((row) => row.userId));
  const added = [...desired].filter((id) => !current.has(id)).sort();
  const removed = [...current].filter((id) => !desired.has(id)).sort();

  if (removed.length > 0) {
    await tx
      .delete(rotationMembers)
      .where(and(eq(rotationMembers.rotationId, rotation.id), inArray(rotationMembers.userId, removed)));
  }
  for (const userId of added) {
    await tx.insert(rotationMembers).values({
      rotationId: rotation.id,
      userId,
      joinedAt: sql`clock_timestamp()`,
      // Resets do not erase recency (R8): a returning member keeps their last meeting time.
      ...latestScheduledSql(rotation.id, userId),
      // A member back in the same generation finds their ledger as they left it (R13).
      bookedCount: ledgerSumSql(rotation, userId),
    });
  }
  const resets = added.length > 0 && (rotation.newcomerPolicy === "reset_everyone" || isNewRotation);
  if (resets) {
    await tx
      .update(rotations)
      .set({ resetGeneration: sql`${rotations.resetGeneration} + 1`, countsResetAt: sql`clock_timestamp()` })
      .where(eq(rotations.id, rotation.id));
    await tx.update(rotationMembers).set({ bookedCount: 0 }).where(eq(rotationMembers.rotationId, rotation.id));
  }
  const levelled = added.length > 0 && !resets ? await startAtLevel(tx, rotation, added, actorUserId) : [];

  await recordAudit(tx, [
    ...added.map((userId) => ({ rotationId: rotation.id, type: "member_added" as const, actorUserId, subjectUserId: userId, details })),
    ...removed.map((userId) => ({ rotationId: rotation.id, type: "member_removed" as const, actorUserId, subjectUserId: userId, details })),
    ...(resets && !isNewRotation ? [{ rotationId: rotation.id, type: "counts_reset" as const, actorUserId, details: { ...details, newMembers: added } }] : []),
    ...levelled.map(({ userId, delta }) => ({ rotationId: rotation.id, type: "count_adjusted" as const, actorUserId, subjectUserId: userId, details: { delta, cause: "calibration" } })),
  ]);
  return { added, removed, countsReset: resets };
}

function ledgerSumSql(rotation: Rotation, userId: string) {
  return sql<number>`(select coalesce(sum(${countEntries.delta}), 0)::int from ${countEntries}
    where ${countEntries.rotationId} = ${rotation.id} and ${countEntries.userId} = ${userId} and ${countEntries.generation} = ${rotation.resetGeneration})`;
}

/**
 * Start level (R15): nobody's count changes; each newcomer gets a calibration entry that sets
 * their count to the level of the other proposable members (lowest count, or in a weighted
 * rotation the smallest count at which their deficit is not above the others' largest).
 */
async function startAtLevel(tx: Database, rotation: Rotation, newcomers: readonly string[], actorUserId: string | null) {
  const candidates = await loadCandidatesAt(tx, rotation, { now: new Date() });
  const isNew = new Set(newcomers);
  const peers = rankMembers(candidates.filter((c) => !isNew.has(c.userId)), rotation.distribution).members.filter((m) => m.status === "proposable");
  const changes = candidates
    .filter((c) => isNew.has(c.userId))
    .map((c) => ({ userId: c.userId, delta: startLevel(c.weight, peers, rotation.distribution) - c.count }))
    .filter((c) => c.delta !== 0);
  await appendToLedger(
    tx,
    rotation.resetGeneration,
    changes.map(({ userId, delta }) => ({ rotationId: rotation.id, userId, generation: rotation.resetGeneration, delta, cause: "calibration" as const, actorUserId })),
  );
  return changes;
}

import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rotationMembers, rotations, rotationTeams, rotationUsers, teamMembers, type Rotation } from "@/db/schema";
import { recordAudit } from "@/lib/server/audit";
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
 * count (R7); someone who stops being a member loses their row, so coming back later makes
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
    });
  }
  if (added.length > 0) {
    await tx
      .update(rotations)
      .set({ resetGeneration: sql`${rotations.resetGeneration} + 1`, countsResetAt: sql`clock_timestamp()` })
      .where(eq(rotations.id, rotation.id));
    await tx.update(rotationMembers).set({ bookedCount: 0 }).where(eq(rotationMembers.rotationId, rotation.id));
  }

  await recordAudit(tx, [
    ...added.map((userId) => ({ rotationId: rotation.id, type: "member_added" as const, actorUserId, subjectUserId: userId, details })),
    ...removed.map((userId) => ({ rotationId: rotation.id, type: "member_removed" as const, actorUserId, subjectUserId: userId, details })),
    ...(added.length > 0 && !isNewRotation
      ? [{ rotationId: rotation.id, type: "counts_reset" as const, actorUserId, details: { ...details, newMembers: added } }]
      : []),
  ]);
  return { added, removed, countsReset: added.length > 0 };
}

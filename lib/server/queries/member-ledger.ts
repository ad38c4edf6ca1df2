import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { countEntries, meetings, rotationMembers, users } from "@/db/schema";
import { CAUSE_LABELS, countFromLedger, type LedgerCause } from "@/lib/domain/ledger";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { findRotation } from "@/lib/server/rotations/repository";
import { isEntityId, isUserId } from "@/lib/server/validation";

export interface LedgerEntryView {
  id: number;
  cause: LedgerCause;
  label: string;
  delta: number;
  countsAt: Date;
  /** False for entries before the rotation's last reset: kept for the record, not counted (R7). */
  current: boolean;
  actorName: string | null;
  reason: string | null;
  meeting: { id: string; title: string; startsAt: Date } | null;
}

export interface MemberLedger {
  userId: string;
  name: string;
  /** The sum of the current generation's entries, never below zero (R13). */
  count: number;
  entries: LedgerEntryView[];
}

const LIMIT = 200;

/** A member's count entries, newest first (R13): what caused each, who and when. Admins only. */
export async function listMemberLedger(db: Database, actor: Actor, rotationId: string, userId: string): Promise<Result<MemberLedger>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can see count entries.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  if (!isUserId(userId)) return fail("not_a_member", "This user is not a member of the rotation.");
  const rotation = await findRotation(db, rotationId);
  if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
  const [member] = await db
    .select({ name: users.name, count: rotationMembers.bookedCount })
    .from(rotationMembers)
    .innerJoin(users, eq(users.id, rotationMembers.userId))
    .where(and(eq(rotationMembers.rotationId, rotationId), eq(rotationMembers.userId, userId)));
  if (!member) return fail("not_a_member", "This user is not a member of the rotation.");

  const actorUser = alias(users, "actor_user");
  const rows = await db
    .select({
      id: countEntries.id,
      cause: countEntries.cause,
      delta: countEntries.delta,
      countsAt: countEntries.countsAt,
      generation: countEntries.generation,
      actorName: actorUser.name,
      reason: countEntries.reason,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
    })
    .from(countEntries)
    .leftJoin(actorUser, eq(actorUser.id, countEntries.actorUserId))
    .leftJoin(meetings, eq(meetings.id, countEntries.meetingId))
    .where(and(eq(countEntries.rotationId, rotationId), eq(countEntries.userId, userId)))
    .orderBy(desc(countEntries.id))
    .limit(LIMIT);
  return ok({
    userId,
    name: member.name,
    count: countFromLedger(member.count),
    entries: rows.map((r) => ({
      id: r.id,
      cause: r.cause,
      label: CAUSE_LABELS[r.cause],
      delta: r.delta,
      countsAt: r.countsAt,
      current: r.generation === rotation.resetGeneration,
      actorName: r.actorName,
      reason: r.reason,
      meeting: r.meetingId && r.meetingTitle && r.meetingStartsAt ? { id: r.meetingId, title: r.meetingTitle, startsAt: r.meetingStartsAt } : null,
    })),
  });
}

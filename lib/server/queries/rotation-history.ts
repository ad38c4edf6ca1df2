import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { auditEvents, users, type AuditEventType } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { isEntityId } from "@/lib/server/validation";

export interface HistoryEntry {
  id: number;
  type: AuditEventType;
  occurredAt: Date;
  /** Null when the change was made by no one in particular, or the user was deleted. */
  actorName: string | null;
  subjectName: string | null;
  proposedHostName: string | null;
  chosenHostName: string | null;
  isOverride: boolean | null;
  details: Record<string, unknown>;
}

export interface RotationHistory {
  entries: HistoryEntry[];
  /** True when older entries exist beyond the ones returned. */
  hasMore: boolean;
}

const actorUser = alias(users, "actor_user");
const subjectUser = alias(users, "subject_user");
const proposedUser = alias(users, "proposed_user");
const chosenUser = alias(users, "chosen_user");

/** A rotation's history (R12), newest first: who did what and when; for bookings, proposed vs chosen host. */
export async function getRotationHistory(db: Database, actor: Actor, rotationId: string, limit = 50): Promise<Result<RotationHistory>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can see a rotation's history.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const rows = await db
    .select({
      id: auditEvents.id,
      type: auditEvents.type,
      occurredAt: auditEvents.occurredAt,
      actorName: actorUser.name,
      subjectName: subjectUser.name,
      proposedHostName: proposedUser.name,
      chosenHostName: chosenUser.name,
      isOverride: auditEvents.isOverride,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
    .leftJoin(subjectUser, eq(subjectUser.id, auditEvents.subjectUserId))
    .leftJoin(proposedUser, eq(proposedUser.id, auditEvents.proposedHostUserId))
    .leftJoin(chosenUser, eq(chosenUser.id, auditEvents.chosenHostUserId))
    .where(eq(auditEvents.rotationId, rotationId))
    // Events of one transaction share a timestamp; the id keeps their written order.
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit + 1);
  return ok({ entries: rows.slice(0, limit), hasMore: rows.length > limit });
}

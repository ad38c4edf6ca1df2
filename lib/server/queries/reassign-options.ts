import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { rankMembers } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { loadCandidatesAt } from "@/lib/server/fairness/member-state";
import { findRotation } from "@/lib/server/rotations/repository";
import { isEntityId } from "@/lib/server/validation";

export interface ReassignOption {
  userId: string;
  name: string;
  /** Only proposable members can take it; the others say why (R20). */
  canTake: boolean;
  reason: string;
}

/** Who could take a rotation meeting instead of its host, at its time, in ranking order (R19, R20). */
export async function getReassignOptions(db: Database, actor: Actor, meetingId: string): Promise<Result<{ next: ReassignOption | null; members: ReassignOption[] }>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  if (!isEntityId(meetingId)) return fail("meeting_not_found", "This meeting does not exist.");
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting || meeting.deletedAt) return fail("meeting_not_found", "This meeting does not exist.");
  if (meeting.hostUserId !== actor.id && !canManageRotations(actor)) return fail("forbidden", "Only the host or an admin can reassign this meeting.");
  const rotation = meeting.rotationId ? await findRotation(db, meeting.rotationId) : undefined;
  if (!rotation) return fail("not_in_rotation", "Only meetings booked through a rotation can be reassigned.");
  const candidates = await loadCandidatesAt(db, rotation, { now: new Date(), at: { start: meeting.startsAt, end: meeting.endsAt }, excludeUserIds: [meeting.hostUserId] });
  const ranking = rankMembers(candidates, rotation.distribution, { timeZone: rotation.timeZone });
  const option = (m: (typeof ranking.members)[number]): ReassignOption => ({ userId: m.userId, name: m.name, canTake: m.status === "proposable", reason: m.reason });
  return ok({ next: ranking.proposed ? option(ranking.proposed) : null, members: ranking.members.map(option) });
}

import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { meetings } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { lockMeeting, peekMeetingRotation } from "@/lib/server/fairness/meeting-lock";
import { chooseNewHost, moveMeeting, type ReassignTarget } from "@/lib/server/fairness/reassignment";
import { lockRotation } from "@/lib/server/rotations/repository";
import { afterCommitWake } from "@/lib/server/jobs/in-app";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, isUserId, parseInput, plainText, userId } from "@/lib/server/validation";

const reason = plainText({ max: 200, required: "Say why the meeting moves." });

export const reassignInputSchema = z.strictObject({
  to: z.union([z.literal("next"), userId], { message: "Choose a member, or next for next in rotation." }),
  reason,
});

export const reassignUpcomingInputSchema = z.strictObject({ reason });

export interface Reassigned {
  meetingId: string;
  fromUserId: string;
  toUserId: string;
  toName: string;
}

/**
 * Reassigns one rotation meeting (R19), by an admin or its host, to a chosen member or to next
 * in rotation, with a reason; under the rotation's lock like a booking.
 */
export async function reassignMeeting(db: Database, actor: Actor, meetingId: string, input: unknown): Promise<Result<Reassigned>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  if (!isEntityId(meetingId)) return fail("meeting_not_found", "This meeting does not exist.");
  const parsed = parseInput(reassignInputSchema, input);
  if (!parsed.ok) return parsed;
  const peek = await peekMeetingRotation(db, meetingId);
  if (!peek) return fail("meeting_not_found", "This meeting does not exist.");
  if (!peek.rotationId) return fail("not_in_rotation", "Only meetings booked through a rotation can be reassigned.");
  const target: ReassignTarget = parsed.value.to === "next" ? { to: "next" } : { to: "member", userId: parsed.value.to };

  return afterCommitWake(inTransaction(db, async (tx) => {
    const locked = await lockMeeting(tx, meetingId, peek.rotationId);
    if (!locked?.rotation) return fail("meeting_not_found", "This meeting does not exist.");
    const { meeting, rotation } = locked;
    if (meeting.hostUserId !== actor.id && !canManageRotations(actor)) return fail("forbidden", "Only the host or an admin can reassign this meeting.");
    if (meeting.deletedAt) return fail("meeting_deleted", "This meeting was deleted.");
    const chosen = await chooseNewHost(tx, rotation, meeting, target);
    if (!chosen.ok) return chosen;
    await moveMeeting(tx, rotation, meeting, chosen.value, { actorUserId: actor.id, reason: parsed.value.reason, toNextInRotation: target.to === "next" });
    return ok({ meetingId, fromUserId: meeting.hostUserId, toUserId: chosen.value.userId, toName: chosen.value.name });
  }));
}

export interface ReassignedUpcoming {
  reassigned: Reassigned[];
  /** Meetings nobody else could take: they stay with the member, each with why. */
  kept: Array<{ meetingId: string; title: string; startsAt: Date; reason: string }>;
}

/**
 * Reassigns every upcoming meeting of one member of a rotation (a rep leaves, R19), in start
 * order, each to next in rotation at its time. One transaction under the rotation's lock:
 * bookings queue behind it and then see every move, so counts stay exact.
 */
export async function reassignUpcomingMeetings(db: Database, actor: Actor, rotationId: string, memberId: string, input: unknown, now = new Date()): Promise<Result<ReassignedUpcoming>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can reassign a member's meetings.");
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  if (!isUserId(memberId)) return fail("not_a_member", "This user is not a member of the rotation.");
  const parsed = parseInput(reassignUpcomingInputSchema, input);
  if (!parsed.ok) return parsed;

  return afterCommitWake(inTransaction(db, async (tx) => {
    const rotation = await lockRotation(tx, rotationId);
    if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
    const upcoming = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.rotationId, rotationId), eq(meetings.hostUserId, memberId), isNull(meetings.deletedAt), gt(meetings.startsAt, now)))
      .orderBy(asc(meetings.startsAt))
      .for("update");
    const result: ReassignedUpcoming = { reassigned: [], kept: [] };
    for (const meeting of upcoming) {
      const chosen = await chooseNewHost(tx, rotation, meeting, { to: "next" });
      if (!chosen.ok) {
        result.kept.push({ meetingId: meeting.id, title: meeting.title, startsAt: meeting.startsAt, reason: chosen.error.message });
        continue;
      }
      await moveMeeting(tx, rotation, meeting, chosen.value, { actorUserId: actor.id, reason: parsed.value.reason, toNextInRotation: true });
      result.reassigned.push({ meetingId: meeting.id, fromUserId: memberId, toUserId: chosen.value.userId, toName: chosen.value.name });
    }
    return ok(result);
  }));
}

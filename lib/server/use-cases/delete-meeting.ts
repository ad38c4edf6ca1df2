import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings } from "@/db/schema";
import { canDeleteMeeting } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { refreshRecency, undoMeeting } from "@/lib/server/fairness/ledger";
import { lockMeeting, peekMeetingRotation } from "@/lib/server/fairness/meeting-lock";
import { wakeOutbox } from "@/lib/server/jobs/in-app";
import { enqueueMeetingChange } from "@/lib/server/outbox/enqueue";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId } from "@/lib/server/validation";

export interface DeletedMeeting {
  meetingId: string;
  /** False when it was already deleted: deleting is idempotent. */
  deleted: boolean;
  /** Whether the host's rotation count went down (R6, R7). */
  countDecremented: boolean;
}

/**
 * Deletes a meeting (softly, so history and recency stay true). A rotation meeting booked
 * since the rotation's last reset takes one from its host's count (R6); one booked before
 * the reset changes nothing (R7). The host, the rep who booked it and admins may delete.
 */
export async function deleteMeeting(db: Database, actor: Actor, meetingId: string): Promise<Result<DeletedMeeting>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  if (!isEntityId(meetingId)) return fail("meeting_not_found", "This meeting does not exist.");
  const peek = await peekMeetingRotation(db, meetingId);
  if (!peek) return fail("meeting_not_found", "This meeting does not exist.");

  const result = await inTransaction(db, async (tx) => {
    const locked = await lockMeeting(tx, meetingId, peek.rotationId);
    if (!locked) return fail("meeting_not_found", "This meeting does not exist.");
    const { meeting, rotation } = locked;
    if (!canDeleteMeeting(actor, meeting)) return fail("forbidden", "Only the host, the person who booked it or an admin can delete this meeting.");
    if (meeting.deletedAt) return ok({ meetingId, deleted: false, countDecremented: false });

    // A cancellation outranks the invitation it cancels (RFC 5546): SEQUENCE goes up.
    await tx
      .update(meetings)
      .set({ deletedAt: sql`clock_timestamp()`, deletedByUserId: actor.id, sequence: sql`${meetings.sequence} + 1` })
      .where(eq(meetings.id, meetingId));
    await enqueueMeetingChange(tx, { kind: "deleted", meetingId });
    let countDecremented = false;
    // `rotation` can differ from the peek only if the meeting was re-linked meanwhile, which nothing does.
    if (rotation && meeting.rotationId === rotation.id) {
      // R6/R13: the ledger takes back what the meeting still adds (nothing if credited back),
      // in the generation it was booked in, so one booked before a reset changes no count (R7).
      const taken = await undoMeeting(tx, rotation.resetGeneration, meeting, { cause: "meeting_deleted", actorUserId: actor.id });
      await refreshRecency(tx, rotation.id, meeting.hostUserId);
      countDecremented = taken > 0 && meeting.rotationGeneration === rotation.resetGeneration;
      await recordAudit(tx, {
        rotationId: rotation.id,
        type: "meeting_deleted",
        actorUserId: actor.id,
        meetingId,
        chosenHostUserId: meeting.hostUserId,
        details: { title: meeting.title, startsAt: meeting.startsAt.toISOString(), countDecremented },
      });
    }
    return ok({ meetingId, deleted: true, countDecremented });
  });
  if (result.ok && result.value.deleted) wakeOutbox();
  return result;
}

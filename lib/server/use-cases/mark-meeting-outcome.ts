import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { meetings } from "@/db/schema";
import { canDeleteMeeting } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import { MEETING_OUTCOMES, outcomeCountChange, type MeetingOutcome } from "@/lib/domain/rotation-settings";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { appendToLedger } from "@/lib/server/fairness/ledger";
import { lockMeeting, peekMeetingRotation } from "@/lib/server/fairness/meeting-lock";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId, parseInput } from "@/lib/server/validation";

export const outcomeInputSchema = z.strictObject({
  outcome: z.enum(MEETING_OUTCOMES, { message: "Choose completed, no_show or canceled_by_contact, or null to undo." }).nullable(),
});

export interface MarkedOutcome {
  meetingId: string;
  outcome: MeetingOutcome | null;
  /** +1 when a credit-back was undone, −1 when the host was credited back, else 0 (R17). */
  countChange: number;
}

/**
 * Marks a meeting completed, no-show or canceled by the contact, or undoes the mark (R17).
 * When the rotation does not count no-shows, the host is credited back (−1) and undoing
 * restores it (+1), as ledger entries in the meeting's generation and counting time.
 */
export async function markMeetingOutcome(db: Database, actor: Actor, meetingId: string, input: unknown): Promise<Result<MarkedOutcome>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  if (!isEntityId(meetingId)) return fail("meeting_not_found", "This meeting does not exist.");
  const parsed = parseInput(outcomeInputSchema, input);
  if (!parsed.ok) return parsed;
  const { outcome } = parsed.value;
  const peek = await peekMeetingRotation(db, meetingId);
  if (!peek) return fail("meeting_not_found", "This meeting does not exist.");

  return inTransaction(db, async (tx) => {
    const locked = await lockMeeting(tx, meetingId, peek.rotationId);
    if (!locked) return fail("meeting_not_found", "This meeting does not exist.");
    const { meeting, rotation } = locked;
    if (!canDeleteMeeting(actor, meeting)) return fail("forbidden", "Only the host, the person who booked it or an admin can mark its outcome.");
    if (meeting.deletedAt) return fail("meeting_deleted", "This meeting was deleted.");
    if (meeting.outcome === outcome) return ok({ meetingId, outcome, countChange: 0 });

    await tx
      .update(meetings)
      .set({ outcome, outcomeMarkedAt: outcome ? sql`now()` : null, outcomeMarkedByUserId: outcome ? actor.id : null })
      .where(eq(meetings.id, meetingId));
    const countChange = outcomeCountChange(meeting.outcome, outcome, rotation?.countNoShows ?? true);
    if (rotation && meeting.rotationGeneration !== null && countChange !== 0) {
      await appendToLedger(tx, rotation.resetGeneration, [
        {
          rotationId: rotation.id,
          userId: meeting.hostUserId,
          generation: meeting.rotationGeneration,
          delta: countChange,
          cause: countChange < 0 ? "credit_back" : "credit_restored",
          meetingId,
          countsAt: meeting.countedAt,
          actorUserId: actor.id,
        },
      ]);
    }
    if (rotation) {
      await recordAudit(tx, {
        rotationId: rotation.id,
        type: outcome ? "meeting_outcome_marked" : "meeting_outcome_cleared",
        actorUserId: actor.id,
        meetingId,
        chosenHostUserId: meeting.hostUserId,
        details: outcome ? { title: meeting.title, outcome, creditedBack: countChange < 0 } : { title: meeting.title, restored: countChange > 0 },
      });
    }
    return ok({ meetingId, outcome, countChange });
  });
}

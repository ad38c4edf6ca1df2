"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/domain/result";
import { runAction } from "@/lib/server/action";
import { bookMeeting, type BookedMeeting } from "@/lib/server/booking/book-meeting";
import { getReassignOptions, type ReassignOption } from "@/lib/server/queries/reassign-options";
import { deleteMeeting, type DeletedMeeting } from "@/lib/server/use-cases/delete-meeting";
import { markMeetingOutcome, type MarkedOutcome } from "@/lib/server/use-cases/mark-meeting-outcome";
import { reassignMeeting, type Reassigned } from "@/lib/server/use-cases/reassign-meeting";

// Plain data only crosses back to the browser; the ranking goes through the query cache.
export type BookMeetingActionResult = Result<Omit<BookedMeeting, "ranking">>;

/** `idempotencyKey`: one per booking attempt in the dialog, so a retried submit books once (C7). */
export async function bookMeetingAction(input: unknown, idempotencyKey?: unknown): Promise<BookMeetingActionResult> {
  const key = typeof idempotencyKey === "string" ? idempotencyKey : undefined;
  const result = await runAction(({ actor, db }) => bookMeeting(db, actor, input, new Date(), { idempotencyKey: key }));
  if (!result.ok) return result;
  const { meetingId, hostUserId, startsAt, endsAt, rotationId, proposedHostUserId, isOverride } = result.value;
  revalidatePath("/", "layout");
  return { ok: true, value: { meetingId, hostUserId, startsAt, endsAt, rotationId, proposedHostUserId, isOverride } };
}

export async function deleteMeetingAction(meetingId: string): Promise<Result<DeletedMeeting>> {
  const result = await runAction(({ actor, db }) => deleteMeeting(db, actor, String(meetingId)));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function markOutcomeAction(meetingId: string, outcome: unknown): Promise<Result<MarkedOutcome>> {
  const result = await runAction(({ actor, db }) => markMeetingOutcome(db, actor, String(meetingId), { outcome }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function reassignOptionsAction(meetingId: string): Promise<Result<{ next: ReassignOption | null; members: ReassignOption[] }>> {
  return runAction(({ actor, db }) => getReassignOptions(db, actor, String(meetingId)));
}

export async function reassignMeetingAction(meetingId: string, to: unknown, reason: unknown): Promise<Result<Reassigned>> {
  const result = await runAction(({ actor, db }) => reassignMeeting(db, actor, String(meetingId), { to, reason }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, rotations, type Meeting } from "@/db/schema";
import { refuseHost } from "@/lib/domain/decide-rotation-bookings";
import { rankMembers, type RankedMember } from "@/lib/domain/ranking";
import { fail, failForMembers, ok, type Result } from "@/lib/domain/result";
import { outcomeIsCredited } from "@/lib/domain/rotation-settings";
import { recordAudit } from "@/lib/server/audit";
import { enqueueMeetingChange } from "@/lib/server/outbox/enqueue";
import type { LockedRotation } from "@/lib/server/rotations/repository";
import { appendToLedger, refreshRecency, undoMeeting } from "./ledger";
import { loadCandidatesAt } from "./member-state";

export type ReassignTarget = { to: "next" } | { to: "member"; userId: string };

/**
 * Who takes a meeting (R19): the chosen member if nothing keeps them off at its time, or
 * "next in rotation", the member the rule proposes for that time with the current host left out.
 */
export async function chooseNewHost(tx: Database, rotation: LockedRotation, meeting: Meeting, target: ReassignTarget): Promise<Result<RankedMember>> {
  const at = { start: meeting.startsAt, end: meeting.endsAt };
  const candidates = await loadCandidatesAt(tx, rotation, { now: rotation.lockedAt, at, excludeUserIds: [meeting.hostUserId] });
  const ranking = rankMembers(candidates, rotation.distribution, { timeZone: rotation.timeZone });
  if (target.to === "next") {
    if (ranking.proposed) return ok(ranking.proposed);
    return failForMembers(
      "no_member_free",
      "No other member of this rotation can take that time.",
      ranking.members.map((m) => ({ userId: m.userId, name: m.name, reason: m.reason })),
    );
  }
  if (target.userId === meeting.hostUserId) return fail("validation", "Choose someone other than the current host.", { to: ["Choose someone other than the current host."] });
  const member = ranking.members.find((m) => m.userId === target.userId);
  if (!member) return fail("not_a_member", "That user is not a member of this rotation.");
  const refusal = refuseHost(member);
  if (refusal) return refusal;
  if (member.status === "busy") return fail("slot_taken", `${member.name} can't take it: ${member.reason.charAt(0).toLowerCase()}${member.reason.slice(1)}.`);
  return ok(member);
}

/**
 * Moves a meeting to a new host under the rotation's lock (R19): the old host's entries for it
 * are undone, the new host gets +1 counted now (nothing if the meeting is credited back), the
 * meeting takes the rotation's next booking number so the new host is the most recently
 * scheduled, and the audit names both hosts and the reason.
 */
export async function moveMeeting(
  tx: Database,
  rotation: LockedRotation,
  meeting: Meeting,
  newHost: RankedMember,
  change: { actorUserId: string; reason: string; toNextInRotation: boolean },
): Promise<void> {
  const seq = rotation.bookingSeq + 1;
  rotation.bookingSeq = seq;
  await undoMeeting(tx, rotation.resetGeneration, meeting, { cause: "reassigned_away", actorUserId: change.actorUserId, reason: change.reason });
  const [moved] = await tx
    .update(meetings)
    .set({ hostUserId: newHost.userId, rotationGeneration: rotation.resetGeneration, rotationSeq: seq, countedAt: sql`clock_timestamp()`, sequence: sql`${meetings.sequence} + 1` })
    .where(eq(meetings.id, meeting.id))
    .returning({ countedAt: meetings.countedAt });
  await tx.update(rotations).set({ bookingSeq: seq }).where(eq(rotations.id, rotation.id));
  const credited = outcomeIsCredited(meeting.outcome, rotation.countNoShows);
  await appendToLedger(tx, rotation.resetGeneration, [
    {
      rotationId: rotation.id,
      userId: newHost.userId,
      generation: rotation.resetGeneration,
      delta: credited ? 0 : 1,
      cause: "reassigned_here",
      meetingId: meeting.id,
      countsAt: moved?.countedAt,
      actorUserId: change.actorUserId,
      reason: change.reason,
    },
  ]);
  await refreshRecency(tx, rotation.id, meeting.hostUserId);
  await refreshRecency(tx, rotation.id, newHost.userId);
  // C4, C5: the old host's calendar and inbox lose it, the new host's and the attendees' get it again.
  await enqueueMeetingChange(tx, { kind: "reassigned", meetingId: meeting.id, previousHostId: meeting.hostUserId });
  await recordAudit(tx, {
    rotationId: rotation.id,
    type: "meeting_reassigned",
    actorUserId: change.actorUserId,
    meetingId: meeting.id,
    subjectUserId: meeting.hostUserId,
    chosenHostUserId: newHost.userId,
    details: { title: meeting.title, reason: change.reason, toNextInRotation: change.toNextInRotation, startsAt: meeting.startsAt.toISOString() },
  });
}

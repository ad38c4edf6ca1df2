import type { IneligibleReason } from "./ranking";

export interface ActorRights {
  role: "admin" | "member";
  active: boolean;
  seatAssigned: boolean;
  canScheduleForOthers: boolean;
}

/** Only admins create, edit or delete rotations and toggle availability (R4). */
export function canManageRotations(actor: ActorRights): boolean {
  return actor.active && actor.role === "admin";
}

/** Booking through a rotation needs a seat and "Create scheduling pages for others" (R4). */
export function canBookWithRotation(actor: ActorRights): boolean {
  return actor.active && actor.seatAssigned && actor.canScheduleForOthers;
}

/** Booking on one's own calendar needs an active user with a seat. */
export function canBookOwnMeetings(actor: ActorRights): boolean {
  return actor.active && actor.seatAssigned;
}

/** Who may delete a meeting: its host, the rep who booked it, or an admin. */
export function canDeleteMeeting(actor: ActorRights & { id: string }, meeting: { hostUserId: string; bookedByUserId: string }): boolean {
  if (!actor.active) return false;
  return meeting.hostUserId === actor.id || meeting.bookedByUserId === actor.id || actor.role === "admin";
}

export interface EligibilityFacts {
  active: boolean;
  seatAssigned: boolean;
  calendarConnected: boolean;
  calendarSyncEnabled: boolean;
  /** The first failed sync since the last success of a real calendar (C3), if failing. */
  calendarFailingSince?: Date | null;
}

/** C3: a calendar failing for this long without a success makes its owner not eligible. */
export const SYNC_FAILURE_GRACE_MS = 30 * 60_000;

/** Why a user cannot be a rotation member (R3); empty when they can. */
export function ineligibilityReasons(user: EligibilityFacts, now: Date = new Date()): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (!user.active) reasons.push("inactive");
  if (!user.seatAssigned) reasons.push("no_seat");
  if (!user.calendarConnected) reasons.push("calendar_not_connected");
  else if (!user.calendarSyncEnabled) reasons.push("calendar_sync_off");
  else if (user.calendarFailingSince && now.getTime() - user.calendarFailingSince.getTime() >= SYNC_FAILURE_GRACE_MS) reasons.push("calendar_sync_failing");
  return reasons;
}

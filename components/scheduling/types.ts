import type { RecordType } from "@/lib/domain/records";
import type { Result } from "@/lib/domain/result";
import type { MeetingOutcome } from "@/lib/domain/rotation-settings";

/** What the record page hands the booking dialog: plain data, no server modules. */
export interface SchedulingContext {
  record: { type: RecordType; id: string; name: string; contacts: Array<{ id: string; name: string }> };
  viewer: { id: string; name: string; timeZone: string };
  /** Seat + "Create scheduling pages for others" (R4): only then the rotation tab exists. */
  canUseRotations: boolean;
  rotations: Array<{ id: string; name: string }>;
}

/** What the booking form sends; the server validates it again (it arrives as `unknown`). */
export interface BookMeetingRequest {
  recordType: RecordType;
  recordId: string;
  title: string;
  start: string;
  durationMinutes: number;
  location?: string;
  attendeeContactIds: string[];
  rotationId?: string;
  hostUserId?: string;
  /** R21: the proposal the dialog showed when the rep chose. */
  shownProposalUserId?: string;
}

/**
 * The server actions the scheduling components call. The route passes them in (a server
 * component may hand a server action to a client one), so components never import app/.
 * Only the fields the UI reads are named here.
 */
export interface SchedulingActions {
  /** `idempotencyKey`: one per booking attempt, so a retried call books once (C7). */
  bookMeeting: (request: BookMeetingRequest, idempotencyKey: string) => Promise<Result<{ meetingId: string; isOverride: boolean }>>;
  deleteMeeting: (meetingId: string) => Promise<Result<{ countDecremented: boolean }>>;
  /** R17: `null` undoes the mark. */
  markOutcome: (meetingId: string, outcome: MeetingOutcome | null) => Promise<Result<{ countChange: number }>>;
  /** R19, R20: who could take the meeting instead, in ranking order, with why not. */
  reassignOptions: (meetingId: string) => Promise<Result<{ next: ReassignChoice | null; members: ReassignChoice[] }>>;
  reassignMeeting: (meetingId: string, to: string, reason: string) => Promise<Result<{ toName: string }>>;
}

export interface ReassignChoice {
  userId: string;
  name: string;
  canTake: boolean;
  reason: string;
}

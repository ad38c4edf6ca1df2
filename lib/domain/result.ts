/**
 * Expected failures are values with a stable code; bugs are exceptions. The codes are the
 * contract shared by server actions, the JSON API (`HTTP_STATUS`) and the UI.
 */
export const HTTP_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  rotation_not_found: 404,
  user_not_found: 404,
  team_not_found: 404,
  meeting_not_found: 404,
  record_not_found: 404,
  calendar_not_connected: 404,
  slot_taken: 409,
  member_unavailable: 409,
  name_taken: 409,
  idempotency_key_in_use: 409,
  no_member_free: 409,
  proposal_changed: 409,
  cap_reached: 409,
  out_of_office: 409,
  meeting_deleted: 409,
  /** A change resets counts the admin did not confirm (the preview they saw is out of date). */
  confirmation_required: 409,
  not_eligible: 422,
  not_a_member: 422,
  not_in_rotation: 422,
  no_member_available: 422,
  outside_working_hours: 422,
  in_the_past: 422,
  idempotency_key_reused: 422,
  calendar_error: 422,
  choose_calendar: 422,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;

export type FieldErrors = Record<string, string[]>;

/** One member's reason in a refusal that concerns every member (R18's `no_member_free`). */
export interface MemberReason {
  userId: string;
  name: string;
  reason: string;
}

export interface AppError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  members?: MemberReason[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, fields?: FieldErrors): Result<T> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

/** A refusal that concerns every member, each with their reason (R18, R20). */
export function failForMembers<T = never>(code: ErrorCode, message: string, members: MemberReason[]): Result<T> {
  return { ok: false, error: { code, message, members } };
}

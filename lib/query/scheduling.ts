import { queryOptions, type QueryClient } from "@tanstack/react-query";

/** JSON shapes of the API endpoints the booking dialog reads (§6), dates as ISO strings. */
export interface RankedMemberDto {
  userId: string;
  name: string;
  position: number;
  status: "proposable" | "busy" | "capped" | "out_of_office" | "unavailable" | "not_eligible";
  count: number;
  lastScheduledAt: string | null;
  ineligibleReasons: string[];
  available: boolean;
  weight: number;
  reason: string;
}

export interface ProposalDto {
  rotation: { id: string; name: string; distribution: "even" | "weighted" };
  ranking: { mode: "even" | "weighted"; members: RankedMemberDto[]; proposed: RankedMemberDto | null };
}

export interface IntervalDto {
  start: string;
  end: string;
}

export interface HostCalendarDto {
  userId: string;
  name: string;
  timeZone: string;
  workingHours: { weekdays: number[]; start: string; end: string };
  busy: Array<IntervalDto & { kind: "meeting" | "busy" }>;
  slots: IntervalDto[];
  /** The last successful sync, when the connected calendar could not be refreshed in time (C2). */
  calendarAsOf?: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" }, credentials: "same-origin" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? "unknown", error?.message ?? `Request failed (${response.status}).`);
  }
  return body as T;
}

export const schedulingKeys = {
  all: ["scheduling"] as const,
  proposal: (rotationId: string, at?: MeetingTime) => ["scheduling", "proposal", rotationId, at?.start ?? null, at?.durationMinutes ?? null] as const,
  calendar: (userId: string, from: string, to: string, durationMinutes: number) =>
    ["scheduling", "calendar", userId, from, to, durationMinutes] as const,
};

/** A meeting time to rank for (R20): members capped, out of office or busy then say so. */
export interface MeetingTime {
  start: string;
  durationMinutes: number;
}

export function proposalQuery(rotationId: string, at?: MeetingTime) {
  const query = at ? `?${new URLSearchParams({ start: at.start, durationMinutes: String(at.durationMinutes) })}` : "";
  return queryOptions({
    queryKey: schedulingKeys.proposal(rotationId, at),
    queryFn: ({ signal }) => getJson<ProposalDto>(`/api/v1/rotations/${encodeURIComponent(rotationId)}/proposal${query}`, signal),
  });
}

export function hostCalendarQuery(userId: string, from: string, to: string, durationMinutes: number) {
  const params = new URLSearchParams({ from, to, durationMinutes: String(durationMinutes) });
  return queryOptions({
    queryKey: schedulingKeys.calendar(userId, from, to, durationMinutes),
    queryFn: ({ signal }) => getJson<HostCalendarDto>(`/api/v1/users/${encodeURIComponent(userId)}/calendar?${params}`, signal),
  });
}

/**
 * After a booking or deletion every cached proposal and calendar is wrong. Reset rather
 * than invalidate: an invalidated query would still show the old counts until it refetched.
 */
export function resetScheduling(queryClient: QueryClient): Promise<void> {
  return queryClient.resetQueries({ queryKey: schedulingKeys.all });
}

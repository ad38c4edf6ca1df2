import { queryOptions } from "@tanstack/react-query";
import { getJson } from "./scheduling";

/** GET /api/v1/member-options: what the rotation member picker offers for a search. */
export interface MemberSearchDto {
  teams: Array<{ id: string; name: string; memberIds: string[] }>;
  users: Array<{ id: string; name: string; email: string; ineligibleText: string }>;
  teamMembers: Array<{ id: string; name: string; email: string; ineligibleText: string }>;
  more: boolean;
}

export const memberKeys = {
  search: (q: string) => ["members", "search", q] as const,
};

export function memberSearchQuery(q: string) {
  return queryOptions({
    queryKey: memberKeys.search(q),
    queryFn: ({ signal }) => getJson<MemberSearchDto>(`/api/v1/member-options?${new URLSearchParams(q ? { q } : {})}`, signal),
    // Who exists changes rarely while a panel is open.
    staleTime: 60_000,
  });
}

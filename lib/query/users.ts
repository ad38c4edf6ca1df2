import { queryOptions } from "@tanstack/react-query";
import { getJson } from "./scheduling";

/** GET /api/v1/user-options: the users the out-of-office form offers for a search. */
export interface UserSearchDto {
  users: Array<{ id: string; name: string; email: string; timeZone: string }>;
  more: boolean;
}

export function userSearchQuery(q: string) {
  return queryOptions({
    queryKey: ["users", "search", q] as const,
    queryFn: ({ signal }) => getJson<UserSearchDto>(`/api/v1/user-options?${new URLSearchParams(q ? { q } : {})}`, signal),
    // Who exists changes rarely while a form is open.
    staleTime: 60_000,
  });
}

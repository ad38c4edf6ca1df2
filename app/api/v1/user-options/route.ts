import { presentUserSearch } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { searchUserOptions, userSearchQuerySchema } from "@/lib/server/queries/user-options";
import { parseInput } from "@/lib/server/validation";

/** Admins: the active users the out-of-office form offers for a search, at most 20. */
export const GET = authenticated(async ({ request, actor, db }) => {
  const raw = readQuery(request);
  if (!raw.ok) return errorResponse(raw.error);
  const query = parseInput(userSearchQuerySchema, raw.value);
  if (!query.ok) return errorResponse(query.error);
  return respond(await searchUserOptions(db, actor, query.value), presentUserSearch);
});

import { memberSearchSchema, presentMemberSearch } from "@/lib/server/api/contract/members";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { memberSearchQuerySchema, searchMemberOptions } from "@/lib/server/queries/member-options";
import { parseInput } from "@/lib/server/validation";

/** Admins: the teams and users a rotation's member picker offers for a search, at most 20. */
export const GET = authenticated(async ({ request, actor, db }) => {
  const raw = readQuery(request);
  if (!raw.ok) return errorResponse(raw.error);
  const query = parseInput(memberSearchQuerySchema, raw.value);
  if (!query.ok) return errorResponse(query.error);
  return respond(await searchMemberOptions(db, actor, query.value), (search) => memberSearchSchema.parse(presentMemberSearch(search)));
});

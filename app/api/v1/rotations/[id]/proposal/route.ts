import { presentProposal } from "@/lib/server/api/contract/rotations";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { getProposal } from "@/lib/server/queries/get-proposal";

/** Who is next (R8, R8w) and the full ranking that explains it, optionally for a meeting time (R20). */
export const GET = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = readQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await getProposal(db, actor, params.id, query.value), presentProposal);
});

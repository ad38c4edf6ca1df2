import { presentRotationDetail } from "@/lib/server/api/contract/rotations";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { refuseQuery } from "@/lib/server/api/query";
import { getRotationDetail } from "@/lib/server/queries/rotations";

/** A rotation's members in ranking order, with counts, availability and eligibility. */
export const GET = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await getRotationDetail(db, actor, params.id), presentRotationDetail);
});

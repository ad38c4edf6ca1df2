import { presentRotationList } from "@/lib/server/api/contract/rotations";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { refuseQuery } from "@/lib/server/api/query";
import { listRotations } from "@/lib/server/queries/rotations";

/** Every rotation the caller may book with (R4). */
export const GET = authenticated(async ({ request, actor, db }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await listRotations(db, actor), presentRotationList);
});

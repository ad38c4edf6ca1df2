import { presentAvailabilityChange } from "@/lib/server/api/contract/rotations";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { refuseQuery } from "@/lib/server/api/query";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";

/** Switches a member's availability in the rotation (R5); admins only. */
export const PATCH = authenticated<{ id: string; userId: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  const result = await setMemberAvailability(db, actor, params.id, params.userId, body.value);
  return respond(result, (change) => presentAvailabilityChange(params.id, params.userId, change));
});

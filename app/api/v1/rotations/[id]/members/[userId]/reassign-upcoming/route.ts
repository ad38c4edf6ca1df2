import { presentReassignedUpcoming } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { refuseQuery } from "@/lib/server/api/query";
import { reassignUpcomingMeetings } from "@/lib/server/use-cases/reassign-meeting";

/** Reassigns every upcoming meeting of the member, each to next in rotation (R19); admins only. */
export const POST = authenticated<{ id: string; userId: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(await reassignUpcomingMeetings(db, actor, params.id, params.userId, body.value), presentReassignedUpcoming);
});

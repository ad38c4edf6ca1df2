import { presentReassigned } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { refuseQuery } from "@/lib/server/api/query";
import { reassignMeeting } from "@/lib/server/use-cases/reassign-meeting";

/** Reassigns a rotation meeting to a member or to next in rotation, with a reason (R19). */
export const POST = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(await reassignMeeting(db, actor, params.id, body.value), presentReassigned);
});

import { presentOutcome } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { refuseQuery } from "@/lib/server/api/query";
import { markMeetingOutcome } from "@/lib/server/use-cases/mark-meeting-outcome";

/** Marks the meeting's outcome, or undoes it with `null` (R17). */
export const PUT = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(await markMeetingOutcome(db, actor, params.id, body.value), presentOutcome);
});

import { presentCountChanges } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { refuseQuery } from "@/lib/server/api/query";
import { previewRotationSettings } from "@/lib/server/use-cases/update-rotation-settings";

/** What saving these settings would do to each member's count; writes nothing. */
export const POST = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(await previewRotationSettings(db, actor, params.id, body.value), presentCountChanges);
});

import { presentSettings, presentSettingsChange } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { refuseQuery } from "@/lib/server/api/query";
import { getRotationSettings } from "@/lib/server/queries/rotation-settings";
import { updateRotationSettings } from "@/lib/server/use-cases/update-rotation-settings";

/** The rotation's fairness settings (R14–R18). */
export const GET = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await getRotationSettings(db, actor, params.id), presentSettings);
});

/** Changes the settings given; admins only. */
export const PATCH = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(await updateRotationSettings(db, actor, params.id, body.value), presentSettingsChange);
});

import { createdSchema, presentOutOfOffice } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { readQuery, refuseQuery } from "@/lib/server/api/query";
import { outOfOfficeQuerySchema, listOutOfOffice } from "@/lib/server/queries/out-of-office";
import { addOutOfOfficePeriod } from "@/lib/server/use-cases/out-of-office";
import { parseInput } from "@/lib/server/validation";

/** Current and upcoming periods: your own, or for admins everyone's (or one user's). */
export const GET = authenticated(async ({ request, actor, db }) => {
  const raw = readQuery(request);
  if (!raw.ok) return errorResponse(raw.error);
  const query = parseInput(outOfOfficeQuerySchema, raw.value);
  if (!query.ok) return errorResponse(query.error);
  return respond(await listOutOfOffice(db, actor, query.value), presentOutOfOffice);
});

/** Adds a period (R16): your own, or anyone's for admins. */
export const POST = authenticated(async ({ request, actor, db }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return respond(await addOutOfOfficePeriod(db, actor, body.value), (value) => createdSchema.parse(value), 201);
});

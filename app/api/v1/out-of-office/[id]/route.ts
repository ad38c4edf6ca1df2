import { deletionSchema } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { refuseQuery } from "@/lib/server/api/query";
import { deleteOutOfOfficePeriod } from "@/lib/server/use-cases/out-of-office";

/** Deletes a period: its user or an admin. Idempotent. */
export const DELETE = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await deleteOutOfOfficePeriod(db, actor, params.id), (value) => deletionSchema.parse(value));
});

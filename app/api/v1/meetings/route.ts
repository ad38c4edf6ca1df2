import { presentBookedMeeting } from "@/lib/server/api/contract/meetings";
import { errorResponse, jsonResponse } from "@/lib/server/api/errors";
import { authenticated } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { refuseQuery } from "@/lib/server/api/query";
import { bookMeeting } from "@/lib/server/booking/book-meeting";

/**
 * Books a meeting from a CRM record. With a rotationId and no hostUserId the use case picks
 * the fairest free member under the rotation's lock (R11) and returns the ranking it used.
 * An `Idempotency-Key` header makes retries safe (C7).
 */
export const POST = authenticated(async ({ request, actor, db }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  // C7: a retry with the same key gets the first answer, marked as a replay.
  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  const result = await bookMeeting(db, actor, body.value, new Date(), { idempotencyKey });
  if (!result.ok) return errorResponse(result.error);
  // Read only on success, once the use case has accepted the body as an object.
  const autoAssigned = (body.value as { hostUserId?: unknown }).hostUserId === undefined;
  return jsonResponse(presentBookedMeeting(result.value, autoAssigned), 201, result.value.replayed ? { "Idempotent-Replayed": "true" } : {});
});

import { presentMeetingDeletion } from "@/lib/server/api/contract/meetings";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { refuseQuery } from "@/lib/server/api/query";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";

/** Deletes a meeting; deleting one already deleted answers 200 with `deleted: false`. */
export const DELETE = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await deleteMeeting(db, actor, params.id), presentMeetingDeletion);
});

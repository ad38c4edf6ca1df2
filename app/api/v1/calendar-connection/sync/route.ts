import { syncNowSchema } from "@/lib/server/api/contract/connections";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { refuseQuery } from "@/lib/server/api/query";
import { syncCalendarNow } from "@/lib/server/use-cases/calendar-connection";

/** "Sync now": reads your calendar at once; a failure is reported in the body, not as an error status. */
export const POST = authenticated(async ({ request, actor, db }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await syncCalendarNow(db, actor), (value) => syncNowSchema.parse(value));
});

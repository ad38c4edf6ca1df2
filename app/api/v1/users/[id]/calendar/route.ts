import { presentHostCalendar } from "@/lib/server/api/contract/calendar";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { getHostCalendar } from "@/lib/server/queries/get-host-calendar";

/** A person's busy time and free slots between `from` and `to` (at most 31 days). */
export const GET = authenticated<{ id: string }>(async ({ request, actor, db, params }) => {
  const query = readQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await getHostCalendar(db, actor, params.id, query.value), presentHostCalendar);
});

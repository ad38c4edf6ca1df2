import { icsResponse } from "@/lib/server/api/ics-response";
import { getDb } from "@/lib/server/db";
import { getMeetingInvite } from "@/lib/server/queries/calendar-files";
import { currentActor } from "@/lib/server/session";

/** The `.ics` invite of one meeting (signed in). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const [actor, { id }] = await Promise.all([currentActor(), params]);
  return icsResponse(await getMeetingInvite(await getDb(), actor, id));
}

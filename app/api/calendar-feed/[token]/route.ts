import { icsResponse } from "@/lib/server/api/ics-response";
import { getDb } from "@/lib/server/db";
import { getCalendarFeed } from "@/lib/server/queries/calendar-files";

/** A user's meetings as a calendar subscription; the secret in the URL authenticates it. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return icsResponse(await getCalendarFeed(await getDb(), token));
}

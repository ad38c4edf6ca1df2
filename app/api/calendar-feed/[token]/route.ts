import { eq } from "drizzle-orm";
import { calendarFeedTokens, users } from "@/db/schema";
import { meetingsToIcs } from "@/lib/server/calendar/ics";
import { hostFeed, loadIcsMeetings } from "@/lib/server/calendar/meetings-for-ics";
import { getDb } from "@/lib/server/db";
import { hashToken } from "@/lib/server/tokens";

/**
 * A user's meetings as a calendar subscription. Calendar apps cannot sign in, so the secret
 * in the URL is the authentication; it is stored hashed and can be revoked in settings.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const db = await getDb();
  const name = token.replace(/\.ics$/, "");
  const [owner] =
    name.length > 10 && name.length < 200
      ? await db
          .select({ userId: users.id, userName: users.name, active: users.active })
          .from(calendarFeedTokens)
          .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
          .where(eq(calendarFeedTokens.tokenHash, hashToken(name)))
      : [];
  if (!owner || !owner.active) return new Response("Unknown or revoked feed.", { status: 404 });
  const meetings = await loadIcsMeetings(db, hostFeed(owner.userId, new Date()));
  return new Response(meetingsToIcs(meetings, { name: `${owner.userName} — meetings` }), {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store" },
  });
}

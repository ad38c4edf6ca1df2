import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarFeedTokens, users } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { meetingsToIcs } from "@/lib/server/calendar/ics";
import { byMeetingId, hostFeed, loadIcsMeetings } from "@/lib/server/calendar/meetings-for-ics";
import { hashToken } from "@/lib/server/tokens";
import { isEntityId } from "@/lib/server/validation";

export interface CalendarFile {
  ics: string;
  /** Offered as a download under this name; a feed has none (calendar apps subscribe to it). */
  filename?: string;
}

/** The `.ics` invite of one meeting, for any signed-in colleague (records are shared). */
export async function getMeetingInvite(db: Database, actor: Actor | null, meetingId: string): Promise<Result<CalendarFile>> {
  if (!actor) return fail("unauthenticated", "Sign in first.");
  const [meeting] = isEntityId(meetingId) ? await loadIcsMeetings(db, byMeetingId(meetingId)) : [];
  if (!meeting) return fail("meeting_not_found", "This meeting does not exist.");
  return ok({ ics: meetingsToIcs([meeting], { name: meeting.title, method: "request" }), filename: `meeting-${meeting.id}.ics` });
}

/**
 * A user's meetings as a calendar subscription. Calendar apps cannot sign in, so the secret
 * in the URL is the authentication; it is stored hashed and can be revoked in settings.
 */
export async function getCalendarFeed(db: Database, secret: string, now: Date = new Date()): Promise<Result<CalendarFile>> {
  const token = secret.replace(/\.ics$/, "");
  const [owner] =
    token.length > 10 && token.length < 200
      ? await db
          .select({ userId: users.id, userName: users.name, active: users.active })
          .from(calendarFeedTokens)
          .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
          .where(eq(calendarFeedTokens.tokenHash, hashToken(token)))
      : [];
  if (!owner || !owner.active) return fail("not_found", "Unknown or revoked feed.");
  const meetings = await loadIcsMeetings(db, hostFeed(owner.userId, now));
  return ok({ ics: meetingsToIcs(meetings, { name: `${owner.userName} — meetings` }) });
}

import { meetingsToIcs } from "@/lib/server/calendar/ics";
import { byMeetingId, loadIcsMeetings } from "@/lib/server/calendar/meetings-for-ics";
import { getDb } from "@/lib/server/db";
import { currentActor } from "@/lib/server/session";
import { isEntityId } from "@/lib/server/validation";

/** The `.ics` invite of one meeting, for any signed-in colleague (records are shared). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
  const { id } = await params;
  const [meeting] = isEntityId(id) ? await loadIcsMeetings(await getDb(), byMeetingId(id)) : [];
  if (!meeting) return Response.json({ error: { code: "meeting_not_found", message: "This meeting does not exist." } }, { status: 404 });
  return new Response(meetingsToIcs([meeting], { name: meeting.title, method: "request" }), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="meeting-${meeting.id}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}

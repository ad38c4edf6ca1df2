import { expect, it } from "vitest";
import type { Result } from "@/lib/domain/result";
import { createCalendarFeedToken, revokeCalendarFeedToken } from "@/lib/server/use-cases/calendar-feed";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor } from "@/test/factories";
import { unwrap } from "@/test/rotation-counts";
import { getCalendarFeed, getMeetingInvite, type CalendarFile } from "./calendar-files";

const codeOf = (r: Result<CalendarFile>) => (r.ok ? "ok" : r.error.code);
const FAR_FUTURE_NOW = new Date("2030-01-01T00:00:00Z");

describeEachDatabase("calendar files: a meeting's invite and a host's feed", (current) => {
  it("gives a signed-in colleague a meeting's invite as a named .ics; nobody else, and no unknown meeting", async () => {
    const { db } = current();
    const { book, rep } = await rotationFixture(db, ["m1"]);
    const meeting = unwrap(await book(slot(0)));
    const invite = unwrap(await getMeetingInvite(db, rep, meeting.meetingId));
    expect(invite.filename).toBe(`meeting-${meeting.meetingId}.ics`);
    expect(invite.ics).toContain("METHOD:REQUEST");
    expect(invite.ics).toContain(`UID:${meeting.meetingId}`);
    expect(codeOf(await getMeetingInvite(db, null, meeting.meetingId))).toBe("unauthenticated");
    expect(codeOf(await getMeetingInvite(db, rep, "00000000-0000-4000-8000-000000000000"))).toBe("meeting_not_found");
    expect(codeOf(await getMeetingInvite(db, rep, "not-an-id"))).toBe("meeting_not_found");
  });

  it("serves a host's meetings to the holder of the feed secret, until it is revoked", async () => {
    const { db } = current();
    const { book } = await rotationFixture(db, ["m1"]);
    const meeting = unwrap(await book(slot(0)));
    const host = await actorFor(db, "m1");
    const { token } = unwrap(await createCalendarFeedToken(db, host));
    const feed = unwrap(await getCalendarFeed(db, `${token}.ics`, FAR_FUTURE_NOW));
    expect(feed.filename).toBeUndefined();
    expect(feed.ics).toContain(`UID:${meeting.meetingId}`);
    expect(codeOf(await getCalendarFeed(db, "x".repeat(40)))).toBe("not_found");
    unwrap(await revokeCalendarFeedToken(db, host));
    expect(codeOf(await getCalendarFeed(db, token))).toBe("not_found");
  });
});

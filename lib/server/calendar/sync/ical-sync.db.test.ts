import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { calendarConnections, users } from "@/db/schema";
import { loadBusyIntervals } from "@/lib/server/calendar/busy";
import { connectCalendar, disconnectCalendar } from "@/lib/server/use-cases/calendar-connection";
import { NOW } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertRep } from "@/test/factories";
import { calendar, event } from "@/test/ics-fixtures";
import { startIcalServer, type IcalServer } from "@/test/ical-server";
import { unwrap } from "@/test/rotation-counts";
import { syncConnection } from "./sync-connection";

const HOUR = 60 * 60_000;
const FEED = calendar(event("UID:a", "DTSTART:20300107T090000Z", "DTEND:20300107T100000Z"), event("UID:b", "STATUS:CANCELLED", "DTSTART:20300107T110000Z", "DTEND:20300107T120000Z"));
let feed: IcalServer;
let previousFlag: string | undefined;

beforeAll(async () => {
  previousFlag = process.env.CALENDAR_ALLOW_PRIVATE_HOSTS;
  process.env.CALENDAR_ALLOW_PRIVATE_HOSTS = "1";
  feed = await startIcalServer(FEED);
});
afterAll(async () => {
  await feed?.close();
  process.env.CALENDAR_ALLOW_PRIVATE_HOSTS = previousFlag;
});

async function busyStarts(db: Database, userId: string) {
  const busy = await loadBusyIntervals(db, [userId], new Date("2030-01-07T00:00:00Z"), new Date("2030-01-08T00:00:00Z"));
  return busy.map((b) => b.start.toISOString());
}

describeEachDatabase("iCal addresses (C1–C3)", (current) => {
  it("connects, reads the busy events, and asks again with the ETag: an unchanged feed (304) changes nothing; a changed one replaces it", async () => {
    const { db } = current();
    feed.setMode({ kind: "calendar" });
    feed.setBody(FEED);
    const rep = await actorFor(db, (await insertRep(db, { id: "r1", calendarConnected: false })).id);
    const connected = unwrap(await connectCalendar(db, rep, { kind: "ical", icalUrl: feed.url }, NOW));
    expect(connected).toMatchObject({ connected: true, syncError: null });
    expect(await busyStarts(db, "r1")).toEqual(["2030-01-07T09:00:00.000Z"]);
    const [user] = await db.select({ calendarConnected: users.calendarConnected }).from(users);
    expect(user?.calendarConnected).toBe(true);
    // Only the host is kept in clear; the address (its path is the secret) is sealed.
    const [row] = await db.select().from(calendarConnections);
    expect(row?.serverUrl).toBe(new URL(feed.url).host);
    expect(row?.secretCiphertext).not.toContain("calendar.ics");

    const before304 = feed.notModified();
    expect(await syncConnection(db, row!.id, new Date(NOW.getTime() + HOUR))).toMatchObject({ ok: true, changed: 0 });
    expect(feed.notModified()).toBe(before304 + 1);
    expect(await busyStarts(db, "r1")).toEqual(["2030-01-07T09:00:00.000Z"]);

    feed.setBody(calendar(event("UID:a", "DTSTART:20300107T130000Z", "DTEND:20300107T140000Z")));
    expect(await syncConnection(db, row!.id, new Date(NOW.getTime() + 2 * HOUR))).toMatchObject({ ok: true });
    expect(await busyStarts(db, "r1")).toEqual(["2030-01-07T13:00:00.000Z"]);

    // A feed with an event that cannot be read fails the sync and keeps the last busy time (C3):
    // skipping it would show the owner as free then.
    feed.setBody(calendar(event("UID:a", "DTSTART:20300107T150000Z", "DTEND:20300107T160000Z"), event("UID:bad", "DTSTART:not-a-date", "DTEND:20300107T170000Z")));
    const broken = await syncConnection(db, row!.id, new Date(NOW.getTime() + 3 * HOUR));
    expect(broken.ok).toBe(false);
    const [failing] = await db.select().from(calendarConnections);
    expect(failing?.lastError).toMatch(/bad/);
    expect(await busyStarts(db, "r1")).toEqual(["2030-01-07T13:00:00.000Z"]);

    unwrap(await disconnectCalendar(db, rep));
    expect(await busyStarts(db, "r1")).toEqual([]);
  });

  it("refuses what is not an iCalendar feed, and a server error, as a field error, keeping nothing", async () => {
    const { db } = current();
    const rep = await actorFor(db, (await insertRep(db, { id: "r1" })).id);
    feed.setMode({ kind: "calendar" });
    feed.setBody("<html>Sign in to see this calendar</html>");
    expect(await connectCalendar(db, rep, { kind: "ical", icalUrl: feed.url }, NOW)).toMatchObject({ ok: false, error: { code: "calendar_error", fields: { icalUrl: [expect.any(String)] } } });
    feed.setMode({ kind: "status", status: 500 });
    expect(await connectCalendar(db, rep, { kind: "ical", icalUrl: feed.url }, NOW)).toMatchObject({ ok: false, error: { code: "calendar_error" } });
    expect(await connectCalendar(db, rep, { kind: "ical", icalUrl: "not a url" }, NOW)).toMatchObject({ ok: false, error: { fields: { icalUrl: [expect.any(String)] } } });
    expect(await connectCalendar(db, rep, { kind: "sharepoint" }, NOW)).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await db.select().from(calendarConnections)).toHaveLength(0);
    feed.setMode({ kind: "calendar" });
    feed.setBody(FEED);
  });

  it("refuses private and plain-http addresses unless CALENDAR_ALLOW_PRIVATE_HOSTS is set", async () => {
    const { db } = current();
    const rep = await actorFor(db, (await insertRep(db, { id: "r1" })).id);
    process.env.CALENDAR_ALLOW_PRIVATE_HOSTS = "0";
    try {
      for (const icalUrl of [feed.url, "https://127.0.0.1/cal.ics", "https://10.1.2.3/cal.ics", "https://[::1]/cal.ics"]) {
        expect(await connectCalendar(db, rep, { kind: "ical", icalUrl }, NOW)).toMatchObject({ ok: false, error: { code: "calendar_error", fields: { icalUrl: [expect.any(String)] } } });
      }
    } finally {
      process.env.CALENDAR_ALLOW_PRIVATE_HOSTS = "1";
    }
    expect(await db.select().from(calendarConnections)).toHaveLength(0);
  });
});

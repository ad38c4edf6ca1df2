import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { calendarConnections, outboxMessages } from "@/db/schema";
import { loadBusyIntervals } from "@/lib/server/calendar/busy";
import { loadCandidates } from "@/lib/server/rotations/repository";
import { deliverDueOutbox } from "@/lib/server/outbox/deliver";
import { getHostCalendar } from "@/lib/server/queries/get-host-calendar";
import { connectCalendar } from "@/lib/server/use-cases/calendar-connection";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { NOW, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor } from "@/test/factories";
import { BERLIN, calendar, event, NEW_YORK } from "@/test/ics-fixtures";
import { startRadicale, type RadicaleServer } from "@/test/radicale";
import { unwrap } from "@/test/rotation-counts";
import { syncConnection } from "./sync-connection";

const HOUR = 60 * 60_000;
const PASSWORD = "secret-pw";
let radicale: RadicaleServer;
let previousFlag: string | undefined;

beforeAll(async () => {
  previousFlag = process.env.CALENDAR_ALLOW_PRIVATE_HOSTS;
  // Radicale runs on 127.0.0.1 over http, which only a self-hosted install opts into.
  process.env.CALENDAR_ALLOW_PRIVATE_HOSTS = "1";
  radicale = await startRadicale([{ username: "m1", password: PASSWORD }]);
});
afterAll(async () => {
  await radicale?.stop();
  process.env.CALENDAR_ALLOW_PRIVATE_HOSTS = previousFlag;
});

/** This test's calendar of m1 on Radicale (its URL). */
let calendarPath = "";
let calendarCount = 0;

/** A fresh calendar per test: the rotation's member m1 keeps their events on Radicale. */
async function freshCalendar(): Promise<void> {
  calendarPath = await radicale.createCalendar("m1", PASSWORD, `work${++calendarCount}`, "Work");
}

/** Stops Radicale for the body and starts it again afterwards (once), whatever the body does. */
async function whileRadicaleIsDown(body: (backUp: () => Promise<void>) => Promise<void>) {
  await radicale.pause();
  let up = false;
  const backUp = async () => {
    await radicale.start();
    up = true;
  };
  try {
    await body(backUp);
  } finally {
    if (!up) await radicale.start();
  }
}

const put = (uid: string, ics: string) => radicale.putEvent("m1", PASSWORD, calendarPath, uid, ics);

/** Monday 2030-01-07 onwards (NOW is Sunday the 6th); m1 works 09:00–17:00 UTC. */
async function seedEvents() {
  // Weekly Mondays 10:00 Berlin (09:00Z in winter), the 14th skipped, the 21st moved to Tuesday 22nd 14:00 Berlin.
  await put(
    "weekly",
    calendar(
      BERLIN,
      event("UID:weekly", "SUMMARY:Team sync", "DTSTART;TZID=Europe/Berlin:20300107T100000", "DTEND;TZID=Europe/Berlin:20300107T110000", "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Berlin:20300114T100000"),
      event("UID:weekly", "SUMMARY:Team sync (moved)", "RECURRENCE-ID;TZID=Europe/Berlin:20300121T100000", "DTSTART;TZID=Europe/Berlin:20300122T140000", "DTEND;TZID=Europe/Berlin:20300122T150000"),
    ),
  );
  await put("allday", calendar(event("UID:allday", "SUMMARY:Offsite", "DTSTART;VALUE=DATE:20300108", "DTEND;VALUE=DATE:20300109")));
  await put("free", calendar(event("UID:free", "SUMMARY:Focus (free)", "TRANSP:TRANSPARENT", "DTSTART:20300109T090000Z", "DTEND:20300109T100000Z")));
  await put("newyork", calendar(NEW_YORK, event("UID:newyork", "SUMMARY:Call NY", "DTSTART;TZID=America/New_York:20300110T090000", "DTEND;TZID=America/New_York:20300110T100000")));
}

async function busyOf(db: Database, from: string, to: string) {
  const busy = await loadBusyIntervals(db, ["m1"], new Date(from), new Date(to));
  return busy.filter((b) => b.kind === "busy").map((b) => `${b.start.toISOString()}/${b.end.toISOString()}`);
}

async function connect(db: Database) {
  const m1 = await actorFor(db, "m1");
  // The account holds every test's calendar by now: this test's is chosen, as a user would.
  const connected = unwrap(await connectCalendar(db, m1, { kind: "caldav", serverUrl: radicale.url, username: "m1", password: PASSWORD, calendarUrl: calendarPath }, NOW));
  if (!connected.connected) throw new Error("expected the chosen calendar to be connected");
  return connected.connectionId;
}

describeEachDatabase("CalDAV calendars on a real Radicale (C1–C4)", (current) => {
  beforeEach(async () => {
    await freshCalendar();
  });

  it("C2: busy time is the opaque events, recurring ones expanded with their exception and override, all-day and other zones right", async () => {
    const { db } = current();
    await rotationFixture(db, ["m1", "m2"]);
    await seedEvents();
    await connect(db);
    expect(await busyOf(db, "2030-01-07T00:00:00Z", "2030-01-12T00:00:00Z")).toEqual([
      "2030-01-07T09:00:00.000Z/2030-01-07T10:00:00.000Z",
      "2030-01-08T00:00:00.000Z/2030-01-09T00:00:00.000Z",
      "2030-01-10T14:00:00.000Z/2030-01-10T15:00:00.000Z",
    ]);
    expect(await busyOf(db, "2030-01-13T00:00:00Z", "2030-01-26T00:00:00Z")).toEqual(["2030-01-22T13:00:00.000Z/2030-01-22T14:00:00.000Z"]);
  });

  it("C2: proposals and free slots respect the calendar: m1 is busy at 09:00 Monday, so the booking goes to m2", async () => {
    const { db } = current();
    const { book, rep } = await rotationFixture(db, ["m1", "m2"]);
    await seedEvents();
    await connect(db);
    const week = unwrap(await getHostCalendar(db, rep, "m1", { from: "2030-01-07T00:00:00Z", to: "2030-01-08T00:00:00Z" }, NOW));
    expect(week.free.map((s) => s.start.toISOString())).not.toContain("2030-01-07T09:00:00.000Z");
    expect(week.free.map((s) => s.start.toISOString())).toContain("2030-01-07T10:00:00.000Z");
    expect(unwrap(await book(slot(0))).hostUserId).toBe("m2");
  });

  it("C2: a later sync fetches only what changed; a moved and a deleted event show at once", async () => {
    const { db } = current();
    await rotationFixture(db, ["m1"]);
    await seedEvents();
    const connectionId = await connect(db);
    await put("newyork", calendar(NEW_YORK, event("UID:newyork", "SUMMARY:Call NY", "DTSTART;TZID=America/New_York:20300110T110000", "DTEND;TZID=America/New_York:20300110T120000")));
    await radicale.deleteEvent("m1", PASSWORD, calendarPath, "allday");
    const outcome = await syncConnection(db, connectionId, new Date(NOW.getTime() + HOUR));
    expect(outcome).toMatchObject({ ok: true, changed: 2 });
    expect(await busyOf(db, "2030-01-07T00:00:00Z", "2030-01-12T00:00:00Z")).toEqual([
      "2030-01-07T09:00:00.000Z/2030-01-07T10:00:00.000Z",
      "2030-01-10T16:00:00.000Z/2030-01-10T17:00:00.000Z",
    ]);
    // Nothing changed since: nothing is fetched again.
    expect(await syncConnection(db, connectionId, new Date(NOW.getTime() + 2 * HOUR))).toMatchObject({ ok: true, changed: 0 });
  });

  it("C4: a booking appears in the host's calendar with the meeting's id as UID, once however often delivered; deleting removes it", async () => {
    const { db } = current();
    const { book, rep } = await rotationFixture(db, ["m1"]);
    await connect(db);
    const booked = unwrap(await book(slot(4), "m1"));
    await deliverDueOutbox(db, { mail: null });
    // A retry of an already delivered write (a lost answer, a second worker) must not duplicate it.
    await db.update(outboxMessages).set({ status: "pending" }).where(eq(outboxMessages.kind, "calendar_put"));
    await deliverDueOutbox(db, { mail: null });
    expect(await radicale.listEventUids("m1", PASSWORD, calendarPath)).toEqual([booked.meetingId]);

    unwrap(await deleteMeeting(db, rep, booked.meetingId));
    expect(await deliverDueOutbox(db, { mail: null })).toMatchObject({ sent: 1 });
    expect(await radicale.listEventUids("m1", PASSWORD, calendarPath)).toEqual([]);
  });

  it("C4: with Radicale stopped, bookings still succeed; their events arrive once it is back, none twice", async () => {
    const { db } = current();
    const { book } = await rotationFixture(db, ["m1"]);
    await connect(db);
    await whileRadicaleIsDown(async (backUp) => {
      const booked = [];
      for (const n of [2, 4, 6]) booked.push(unwrap(await book(slot(n), "m1")));
      expect(await deliverDueOutbox(db, { mail: null })).toMatchObject({ sent: 0, retrying: 3 });
      const [waiting] = await db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "calendar_put"), eq(outboxMessages.status, "pending")));
      expect(waiting?.lastError).toBeTruthy();
      await backUp();
      const later = () => new Date(Date.now() + HOUR);
      expect(await deliverDueOutbox(db, { mail: null, now: later })).toMatchObject({ sent: 3, retrying: 0 });
      expect(await deliverDueOutbox(db, { mail: null, now: later })).toMatchObject({ sent: 0, retrying: 0 });
      expect((await radicale.listEventUids("m1", PASSWORD, calendarPath)).sort()).toEqual(booked.map((b) => b.meetingId).sort());
    });
  });

  it("C3: a failing calendar keeps its busy time; after 30 minutes the member is not eligible, until a sync succeeds", async () => {
    const { db } = current();
    const { rotationId } = await rotationFixture(db, ["m1"]);
    await seedEvents();
    const connectionId = await connect(db);
    await whileRadicaleIsDown(async () => {
      const failed = await syncConnection(db, connectionId, new Date(NOW.getTime() + HOUR));
      expect(failed.ok).toBe(false);
      const [row] = await db.select().from(calendarConnections).where(eq(calendarConnections.id, connectionId));
      expect(row?.failingSince).toEqual(new Date(NOW.getTime() + HOUR));
      expect(row?.lastError).toBeTruthy();
      expect(await busyOf(db, "2030-01-07T00:00:00Z", "2030-01-08T00:00:00Z")).toHaveLength(1);
      // Within the grace period the member stays eligible.
      await db.update(calendarConnections).set({ failingSince: new Date(Date.now() - 29 * 60_000) }).where(eq(calendarConnections.id, connectionId));
      expect((await loadCandidates(db, rotationId))[0]?.ineligibleReasons).toEqual([]);
      await db.update(calendarConnections).set({ failingSince: new Date(Date.now() - 31 * 60_000) }).where(eq(calendarConnections.id, connectionId));
      expect((await loadCandidates(db, rotationId))[0]?.ineligibleReasons).toEqual(["calendar_sync_failing"]);
    });
    expect(await syncConnection(db, connectionId, new Date(NOW.getTime() + 2 * HOUR))).toMatchObject({ ok: true });
    expect((await loadCandidates(db, rotationId))[0]?.ineligibleReasons).toEqual([]);
  });

  it("C1: a wrong password is a field error and nothing is kept; the password is stored sealed", async () => {
    const { db } = current();
    await rotationFixture(db, ["m1"]);
    const m1 = await actorFor(db, "m1");
    const refused = await connectCalendar(db, m1, { kind: "caldav", serverUrl: radicale.url, username: "m1", password: "wrong" }, NOW);
    expect(refused).toMatchObject({ ok: false, error: { code: "calendar_error", fields: { password: [expect.stringMatching(/401|password/i)] } } });
    expect(await db.select().from(calendarConnections)).toHaveLength(0);
    await connect(db);
    const [row] = await db.select().from(calendarConnections);
    expect(row?.secretCiphertext).not.toContain(PASSWORD);
  });
});

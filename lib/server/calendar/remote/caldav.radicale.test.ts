import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startIcalServer } from "@/test/ical-server";
import { accessFailure } from "@/test/calendar-access";
import { startRadicale, type RadicaleServer } from "@/test/radicale";
import { deleteCalendarEvent, discoverCalendars, fetchCalendarChanges, putCalendarEvent, type CalDavCredentials } from "./caldav";

const alice = { username: "alice", password: "alice-secret" };
const bob = { username: "bob", password: "bob-secret" };

const event = (uid: string, summary: string) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20260101T000000Z", "DTSTART:20260110T090000Z", "DTEND:20260110T100000Z", `SUMMARY:${summary}`, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
const task = (uid: string) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VTODO", `UID:${uid}`, "DTSTAMP:20260101T000000Z", "SUMMARY:todo", "END:VTODO", "END:VCALENDAR", ""].join("\r\n");


let radicale: RadicaleServer;
let credentials: CalDavCredentials;

beforeAll(async () => {
  // Radicale listens on 127.0.0.1: the test opts in to private hosts as a LAN install would.
  vi.stubEnv("CALENDAR_ALLOW_PRIVATE_HOSTS", "1");
  radicale = await startRadicale([alice, bob]);
  credentials = { serverUrl: radicale.url, ...alice };
  await radicale.createCalendar(alice.username, alice.password, "work", "Work");
  await radicale.createCalendar(alice.username, alice.password, "family", "Family");
  await radicale.createCalendar(bob.username, bob.password, "bobs", "Bob's");
});
afterAll(async () => {
  await radicale?.stop();
  vi.unstubAllEnvs();
});

describe("discoverCalendars", () => {
  it("lists the user's event calendars by name", async () => {
    expect(await discoverCalendars(credentials)).toEqual([
      { url: radicale.calendarUrl("alice", "family"), displayName: "Family" },
      { url: radicale.calendarUrl("alice", "work"), displayName: "Work" },
    ]);
  });

  it("refuses a wrong password with auth_failed", async () => {
    const error = await accessFailure(discoverCalendars({ ...credentials, password: "wrong" }));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toBe("The server refused the username or password (401).");
  });

  it("reports a port nobody listens on as unreachable", async () => {
    const error = await accessFailure(discoverCalendars({ ...credentials, serverUrl: "http://127.0.0.1:9/" }));
    expect(error.code).toBe("unreachable");
  });

  it("refuses a private server unless private hosts are allowed", async () => {
    vi.stubEnv("CALENDAR_ALLOW_PRIVATE_HOSTS", "0");
    try {
      expect((await accessFailure(discoverCalendars(credentials))).code).toBe("invalid_url"); // http:// first
      expect((await accessFailure(discoverCalendars({ ...credentials, serverUrl: "https://127.0.0.1/" }))).code).toBe("private_address");
    } finally {
      vi.stubEnv("CALENDAR_ALLOW_PRIVATE_HOSTS", "1");
    }
  });
});

describe("fetchCalendarChanges", () => {
  const work = "/alice/work/";

  it("fetches everything first, then only what changed", async () => {
    const calendarUrl = radicale.calendarUrl("alice", "work");
    for (const uid of ["keep", "edit", "drop"]) await radicale.putEvent(alice.username, alice.password, work, uid, event(uid, `first ${uid}`));
    await radicale.putEvent(alice.username, alice.password, work, "a-task", task("a-task"));

    const first = await fetchCalendarChanges(credentials, calendarUrl, null);
    expect(first.full).toBe(true);
    expect(first.changed.map((item) => item.href).sort()).toEqual(["/alice/work/drop.ics", "/alice/work/edit.ics", "/alice/work/keep.ics"]);
    expect(first.changed.find((item) => item.href.endsWith("edit.ics"))?.ics).toContain("SUMMARY:first edit");
    expect(first.state.syncToken).toBeTruthy();
    expect(Object.keys(first.state.etags)).toHaveLength(3);

    const quiet = await fetchCalendarChanges(credentials, calendarUrl, first.state);
    expect(quiet).toMatchObject({ changed: [], removed: [], full: false });

    await radicale.putEvent(alice.username, alice.password, work, "edit", event("edit", "second edit"));
    await radicale.deleteEvent(alice.username, alice.password, work, "drop");
    const second = await fetchCalendarChanges(credentials, calendarUrl, first.state);
    expect(second.full).toBe(false);
    expect(second.changed).toHaveLength(1);
    expect(second.changed[0]?.href).toBe("/alice/work/edit.ics");
    expect(second.changed[0]?.ics).toContain("SUMMARY:second edit");
    expect(second.removed).toEqual(["/alice/work/drop.ics"]);
    expect(Object.keys(second.state.etags).sort()).toEqual(["/alice/work/edit.ics", "/alice/work/keep.ics"]);
    expect(second.state.syncToken).not.toBe(first.state.syncToken);

    // Without a sync token (a server without sync-collection) the ctag and etags find the same change.
    await radicale.putEvent(alice.username, alice.password, work, "keep", event("keep", "second keep"));
    const byEtag = await fetchCalendarChanges(credentials, calendarUrl, { ...second.state, syncToken: null });
    expect(byEtag.full).toBe(false);
    expect(byEtag.changed.map((item) => item.href)).toEqual(["/alice/work/keep.ics"]);
    expect(byEtag.removed).toEqual([]);
    const sameCtag = await fetchCalendarChanges(credentials, calendarUrl, { ...byEtag.state, syncToken: null });
    expect(sameCtag).toMatchObject({ changed: [], removed: [], full: false });

    // A token the server no longer knows starts over with a full fetch.
    const bogus = await fetchCalendarChanges(credentials, calendarUrl, { ...second.state, syncToken: "http://radicale.org/ns/sync/not-a-token" });
    expect(bogus.full).toBe(true);
    expect(bogus.changed).toHaveLength(2);
  });

  it("maps a missing calendar to not_found and someone else's to auth_failed", async () => {
    expect((await accessFailure(fetchCalendarChanges(credentials, radicale.calendarUrl("alice", "nope"), null))).code).toBe("not_found");
    expect((await accessFailure(fetchCalendarChanges(credentials, radicale.calendarUrl("bob", "bobs"), null))).code).toBe("auth_failed");
  });
});

describe("putCalendarEvent and deleteCalendarEvent", () => {
  const family = "/alice/family/";

  it("writes one event however often the same uid is put, and deletes it", async () => {
    const calendarUrl = radicale.calendarUrl("alice", "family");
    await putCalendarEvent(credentials, calendarUrl, "meeting-42", event("meeting-42", "Intro call"));
    await putCalendarEvent(credentials, calendarUrl, "meeting-42", event("meeting-42", "Intro call moved"));
    expect(await radicale.listEventUids(alice.username, alice.password, family)).toEqual(["meeting-42"]);
    const { changed } = await fetchCalendarChanges(credentials, calendarUrl, null);
    expect(changed.map((item) => item.ics)).toEqual([expect.stringContaining("SUMMARY:Intro call moved")]);

    await deleteCalendarEvent(credentials, calendarUrl, "meeting-42");
    expect(await radicale.listEventUids(alice.username, alice.password, family)).toEqual([]);
    await deleteCalendarEvent(credentials, calendarUrl, "meeting-42");
    await deleteCalendarEvent(credentials, calendarUrl, "never-existed");
  });

  it("refuses a write into a calendar that does not exist", async () => {
    const error = await accessFailure(putCalendarEvent(credentials, radicale.calendarUrl("alice", "gone"), "x", event("x", "x")));
    expect(error.code).toBe("not_found");
  });
});

describe("a calendar server that goes away", () => {
  it("fails fast as unreachable while it is down, and works again once it is back", async () => {
    const calendarUrl = radicale.calendarUrl("alice", "work");
    await radicale.pause();
    try {
      const started = performance.now();
      expect((await accessFailure(fetchCalendarChanges(credentials, calendarUrl, null))).code).toBe("unreachable");
      expect((await accessFailure(putCalendarEvent(credentials, calendarUrl, "while-down", event("while-down", "x")))).code).toBe("unreachable");
      expect((await accessFailure(discoverCalendars(credentials))).code).toBe("unreachable");
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await radicale.start();
    }
    await putCalendarEvent(credentials, calendarUrl, "after-restart", event("after-restart", "back"));
    expect(await radicale.listEventUids(alice.username, alice.password, "/alice/work/")).toContain("after-restart");

    // A restart keeps the storage, and the sync state from before it still works.
    const before = await fetchCalendarChanges(credentials, calendarUrl, null);
    await radicale.restart();
    await putCalendarEvent(credentials, calendarUrl, "after-second-restart", event("after-second-restart", "again"));
    const after = await fetchCalendarChanges(credentials, calendarUrl, before.state);
    expect(after.changed.map((item) => item.href)).toEqual(["/alice/work/after-second-restart.ics"]);
  });
});

describe("servers that are not a working CalDAV server", () => {
  it("spends one timeout on a server that never answers, not one per discovery step", async () => {
    const silent = await startIcalServer("");
    try {
      silent.setMode({ kind: "silent" });
      const started = performance.now();
      const error = await accessFailure(discoverCalendars({ ...credentials, serverUrl: silent.url }, { timeoutMs: 500 }));
      expect(error.code).toBe("timeout");
      expect(error.message).toMatch(/^No answer from 127\.0\.0\.1:\d+ within 0\.5 s\.$/);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(silent.requests()).toBe(1);
    } finally {
      await silent.close();
    }
  });

  it("says a web page is not a CalDAV server, and names a server error", async () => {
    const web = await startIcalServer("<!doctype html><title>Welcome</title>");
    try {
      expect((await accessFailure(discoverCalendars({ ...credentials, serverUrl: web.url }))).code).toBe("not_calendar");
      web.setMode({ kind: "status", status: 503 });
      const error = await accessFailure(discoverCalendars({ ...credentials, serverUrl: web.url }));
      expect(error.code).toBe("server_error");
      expect(error.status).toBe(503);
    } finally {
      await web.close();
    }
  });
});

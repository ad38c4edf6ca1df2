import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { accessFailure } from "@/test/calendar-access";
import { startIcalServer, type IcalServer } from "@/test/ical-server";
import { fetchIcalAddress } from "./ical-address";

const calendar = (summary: string) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:one@test", "DTSTAMP:20260101T000000Z", "DTSTART:20260110T090000Z", "DTEND:20260110T100000Z", `SUMMARY:${summary}`, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");

const local = { allowPrivateHosts: true };


let server: IcalServer;

beforeAll(async () => {
  server = await startIcalServer(calendar("Standup"));
});
afterEach(() => {
  server.setMode({ kind: "calendar" });
});
afterAll(async () => {
  await server.close();
});

describe("fetchIcalAddress against a local feed", () => {
  it("reads the feed, then answers changed:false on 304, then reads it again once it changes", async () => {
    const first = await fetchIcalAddress(server.url, null, local);
    expect(first.changed).toBe(true);
    if (!first.changed) return;
    expect(first.ics).toContain("SUMMARY:Standup");
    expect(first.state.etag).toBe('"v1"');

    expect(await fetchIcalAddress(server.url, first.state, local)).toEqual({ changed: false });
    expect(server.notModified()).toBe(1);

    server.setBody(calendar("Planning"));
    const third = await fetchIcalAddress(server.url, first.state, local);
    expect(third.changed && third.ics).toContain("SUMMARY:Planning");
  });

  it("accepts a byte-order mark and blank lines before BEGIN:VCALENDAR", async () => {
    server.setBody(`\uFEFF\r\n  ${calendar("With BOM")}`);
    const result = await fetchIcalAddress(server.url, null, local);
    expect(result.changed && result.ics).toContain("SUMMARY:With BOM");
  });

  it("refuses a body that is not iCalendar", async () => {
    server.setBody("<!doctype html><html><body>Sign in to continue</body></html>");
    const error = await accessFailure(fetchIcalAddress(server.url, null, local));
    expect(error.code).toBe("not_calendar");
    expect(error.message).toBe("The address is not an iCalendar file.");
  });

  it.each([
    ["streamed without a length", false],
    ["with a declared length", true],
  ])("stops reading a feed over 20 MB (%s) within a few seconds", async (_label, declareLength) => {
    server.setMode({ kind: "huge", bytes: 64 * 1024 * 1024, declareLength });
    const started = performance.now();
    const error = await accessFailure(fetchIcalAddress(server.url, null, local));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("The feed is larger than 20 MB.");
    expect(performance.now() - started).toBeLessThan(8_000);
  });

  it("gives up on a server that never answers", async () => {
    server.setMode({ kind: "silent" });
    const started = performance.now();
    const error = await accessFailure(fetchIcalAddress(server.url, null, { ...local, timeoutMs: 500 }));
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/^No answer from 127\.0\.0\.1:\d+ within 0\.5 s\.$/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each([
    [401, "auth_failed"],
    [404, "not_found"],
    [503, "server_error"],
  ])("maps status %i to %s", async (status, code) => {
    server.setMode({ kind: "status", status });
    const error = await accessFailure(fetchIcalAddress(server.url, null, local));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
  });

  it("checks each redirect target like the first address", async () => {
    // The only local way to see the check run on a redirect: a target that no setting allows.
    server.setMode({ kind: "redirect", location: "https://user:pw@127.0.0.1/calendar.ics" });
    const error = await accessFailure(fetchIcalAddress(server.url, null, local));
    expect(error.code).toBe("invalid_url");
  });

  it("stops after three redirects", async () => {
    server.setMode({ kind: "redirect", location: server.url });
    const before = server.requests();
    const error = await accessFailure(fetchIcalAddress(server.url, null, local));
    expect(error.message).toMatch(/redirected more than 3 times/);
    expect(server.requests() - before).toBe(4);
  });

  it("reports a closed port as unreachable", async () => {
    const closed = await startIcalServer(calendar("gone"));
    await closed.close();
    expect((await accessFailure(fetchIcalAddress(closed.url, null, local))).code).toBe("unreachable");
  });
});

describe("fetchIcalAddress refuses addresses before connecting", () => {
  it.each([
    ["http://calendar.example.com/basic.ics", "invalid_url"],
    ["https://127.0.0.1/basic.ics", "private_address"],
    ["https://[::1]/basic.ics", "private_address"],
    ["https://10.0.0.1/basic.ics", "private_address"],
    ["webcal://127.0.0.1/basic.ics", "private_address"],
    ["https://user:pw@calendar.example.com/basic.ics", "invalid_url"],
  ])("%s → %s", async (url, code) => {
    const error = await accessFailure(fetchIcalAddress(url, null, { allowPrivateHosts: false }));
    expect(error.code).toBe(code);
  });
});

import { expect, it } from "vitest";
import { calendarConnectionSchema, disconnectedSchema, outboxPageSchema } from "@/lib/server/api/contract/connections";
import { api } from "../api-client";
import { expectBody, expectError } from "./expect";
import { describeApiContract } from "./suite";

describeApiContract("calendar connection and outbox", (server) => {
  const connection = "/api/v1/calendar-connection";

  it("reads your connection state: the demo's built-in calendar, never a secret", async () => {
    const state = expectBody(await api(server(), "GET", connection), 200, calendarConnectionSchema);
    expect(state).toMatchObject({ provider: "builtin", failingSince: null, blocksEligibility: false });
  });

  it("refuses bad input with field errors and unreachable or private calendars with calendar_error, keeping nothing", async () => {
    const fields = expectError(await api(server(), "POST", connection, { body: { kind: "caldav", serverUrl: "", username: "", password: "" } }), 400, "validation");
    expect(Object.keys(fields).sort()).toEqual(["password", "serverUrl", "username"]);
    expectError(await api(server(), "POST", connection, { body: { kind: "outlook" } }), 400, "validation");
    // This server does not allow private hosts: a calendar on the machine's own network is refused before any request.
    const privateFeed = expectError(await api(server(), "POST", connection, { body: { kind: "ical", icalUrl: "https://127.0.0.1/secret.ics" } }), 422, "calendar_error");
    expect(Object.keys(privateFeed)).toEqual(["icalUrl"]);
    const plainHttp = expectError(await api(server(), "POST", connection, { body: { kind: "caldav", serverUrl: "http://calendar.example.com/", username: "a", password: "b" } }), 422, "calendar_error");
    expect(Object.keys(plainHttp)).toEqual(["serverUrl"]);
    expect(expectBody(await api(server(), "GET", connection), 200, calendarConnectionSchema).provider).toBe("builtin");
  });

  it("sync now needs a connected calendar; disconnecting nothing is a no-op", async () => {
    expectError(await api(server(), "POST", `${connection}/sync`), 404, "calendar_not_connected");
    expect(expectBody(await api(server(), "DELETE", connection), 200, disconnectedSchema)).toEqual({ disconnected: false });
  });

  it("the outbox is for admins: each message with its status; a bad filter is a field error", async () => {
    expectError(await api(server(), "GET", "/api/v1/outbox"), 403, "forbidden");
    const page = expectBody(await api(server(), "GET", "/api/v1/outbox", { as: "admin" }), 200, outboxPageSchema);
    expect(page.page).toBe(1);
    expect(page.entries.length).toBe(Math.min(page.total, page.pageSize));
    for (const entry of page.entries.filter((e) => e.kind === "email")) expect(entry.message?.ics).toMatch(/^METHOD:(REQUEST|CANCEL)/m);
    expect(Object.keys(expectError(await api(server(), "GET", "/api/v1/outbox?status=lost", { as: "admin" }), 400, "validation"))).toEqual(["status"]);
  });
});

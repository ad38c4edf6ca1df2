import { expect, it } from "vitest";
import { hostCalendarSchema } from "@/lib/server/api/contract/calendar";
import { api } from "../api-client";
import type { Caller } from "../app-server";
import { expectBody, expectError } from "./expect";
import { describeApiContract } from "./suite";

const DAY_MS = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describeApiContract("calendars", (server) => {
  const calendar = (userId: string, query: string, as: Caller = "rep") => api(server(), "GET", `/api/v1/users/${userId}/calendar${query}`, { as });

  it("shows a colleague's busy time without titles, and free slots inside the range", async () => {
    const from = at(1);
    const to = at(8);
    const body = expectBody(await calendar("usr_camille", `?from=${from}&to=${to}&durationMinutes=45`), 200, hostCalendarSchema);
    expect(body).toMatchObject({ userId: "usr_camille", timeZone: "Europe/Paris", durationMinutes: 45, from, to });
    expect(body.busy.length).toBeGreaterThan(0);
    expect(body.busy.every((b) => b.title === null)).toBe(true);
    expect(body.slots.length).toBeGreaterThan(0);
    for (const slot of body.slots) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(45 * 60_000);
      expect(slot.start >= from && slot.end <= to).toBe(true);
      expect(body.busy.some((b) => b.start < slot.end && slot.start < b.end)).toBe(false);
    }
  });

  it("shows titles on one's own calendar, and lets any active user read calendars", async () => {
    const own = expectBody(await calendar("usr_james", `?from=${at(1)}&to=${at(15)}`), 200, hostCalendarSchema);
    expect(own.busy.length).toBeGreaterThan(0);
    expect(own.busy.every((b) => typeof b.title === "string")).toBe(true);
    const byRepWithout = expectBody(await calendar("usr_camille", "", "repWithoutPermission"), 200, hostCalendarSchema);
    expect(Date.parse(byRepWithout.to) - Date.parse(byRepWithout.from)).toBe(7 * DAY_MS);
    expect(byRepWithout.durationMinutes).toBe(30);
  });

  it("refuses bad ranges and parameters with 400, unknown people with 404", async () => {
    const bad = async (query: string) => Object.keys(expectError(await calendar("usr_camille", query), 400, "validation"));
    expect(await bad(`?from=${at(1)}&to=${at(40)}`)).toEqual(["to"]);
    expect(await bad(`?from=${at(5)}&to=${at(2)}`)).toEqual(["to"]);
    expect(await bad(`?from=2030-01-07T00:00:00&to=${at(2)}`)).toEqual(["from"]);
    expect(await bad("?from=tomorrow")).toEqual(["from"]);
    expect(await bad("?durationMinutes=20")).toEqual(["durationMinutes"]);
    expect(await bad("?durationMinutes=30&durationMinutes=60")).toEqual(["durationMinutes"]);
    expect(await bad("?week=next")).toEqual(["_"]);
    for (const id of ["usr_nobody", "x".repeat(101), "%00", "%3Cscript%3E"]) {
      expectError(await calendar(id, ""), 404, "user_not_found");
    }
  });
});

import { expect, it } from "vitest";
import { hostCalendarSchema } from "@/lib/server/api/contract/calendar";
import { bookedMeetingSchema, meetingDeletionSchema } from "@/lib/server/api/contract/meetings";
import { availabilityChangeSchema, proposalSchema, rotationDetailSchema } from "@/lib/server/api/contract/rotations";
import { api } from "../api-client";
import type { Caller } from "../app-server";
import { expectBody, expectError } from "./expect";
import { describeApiContract } from "./suite";

const NO_SUCH_UUID = "00000000-0000-4000-8000-000000000000";
const DAY_MS = 86_400_000;

/** The next Sunday 02:00 UTC at least two days ahead: outside every demo person's working hours. */
function sundayNight(): string {
  const day = new Date(Date.now() + 2 * DAY_MS);
  while (day.getUTCDay() !== 0) day.setTime(day.getTime() + DAY_MS);
  day.setUTCHours(2, 0, 0, 0);
  return day.toISOString();
}

describeApiContract("meetings", (server) => {
  const booking = (extra: Record<string, unknown> = {}) => ({
    recordType: "contact",
    recordId: server().facts.contactIds[0],
    title: "API demo",
    start: new Date(Date.now() + 3 * DAY_MS).toISOString(),
    durationMinutes: 30,
    ...extra,
  });
  const book = (body: unknown, as: Caller = "rep") => api(server(), "POST", "/api/v1/meetings", { as, body });
  const detail = async (rotation: "emea" | "support" = "emea") =>
    expectBody(await api(server(), "GET", `/api/v1/rotations/${server().facts.rotationIds[rotation]}`), 200, rotationDetailSchema);
  const counts = async () => Object.fromEntries((await detail()).members.map((m) => [m.userId, m.count]));
  /** A free 30-minute slot of the user's, from two days ahead, skipping `skip` slots. */
  const freeSlot = async (userId: string, skip = 0) => {
    const from = new Date(Date.now() + 2 * DAY_MS).toISOString();
    const to = new Date(Date.now() + 16 * DAY_MS).toISOString();
    const calendar = expectBody(await api(server(), "GET", `/api/v1/users/${userId}/calendar?from=${from}&to=${to}`), 200, hostCalendarSchema);
    const slot = calendar.slots[skip];
    if (!slot) throw new Error(`no free slot for ${userId}`);
    return slot.start;
  };

  it("auto-assigns the proposed member when no host is given (R11), returns the ranking, counts it, and deletes idempotently", async () => {
    const emea = server().facts.rotationIds.emea;
    const proposal = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea}/proposal`), 200, proposalSchema);
    const proposed = proposal.ranking.proposed?.userId ?? "";
    const before = await counts();
    const start = await freeSlot(proposed);

    const booked = expectBody(await book(booking({ rotationId: emea, start })), 201, bookedMeetingSchema);
    expect(booked.meeting).toMatchObject({ hostUserId: proposed, start, rotationId: emea });
    expect(booked.assignment).toMatchObject({ autoAssigned: true, isOverride: false, proposedHostUserId: proposed });
    expect(booked.assignment?.ranking.members.map((m) => m.userId)).toEqual(proposal.ranking.members.map((m) => m.userId));
    expect(await counts()).toEqual({ ...before, [proposed]: (before[proposed] ?? 0) + 1 });

    // The same slot again, with that host asked for by name: taken, and nothing changes.
    expectError(await book(booking({ rotationId: emea, start, hostUserId: proposed })), 409, "slot_taken");
    expect((await counts())[proposed]).toBe((before[proposed] ?? 0) + 1);

    const path = `/api/v1/meetings/${booked.meeting.id}`;
    expectError(await api(server(), "DELETE", path, { as: "repWithoutPermission" }), 403, "forbidden");
    const deleted = expectBody(await api(server(), "DELETE", path), 200, meetingDeletionSchema);
    expect(deleted).toEqual({ meetingId: booked.meeting.id, deleted: true, countDecremented: true });
    const again = expectBody(await api(server(), "DELETE", path), 200, meetingDeletionSchema);
    expect(again).toEqual({ meetingId: booked.meeting.id, deleted: false, countDecremented: false });
    expect(await counts()).toEqual(before);
  });

  it("books an override with a named host (R9) and flags it", async () => {
    const emea = server().facts.rotationIds.emea;
    const ranking = (await detail()).members.filter((m) => m.status === "proposable");
    const other = ranking[1]?.userId ?? "";
    const booked = expectBody(await book(booking({ rotationId: emea, hostUserId: other, start: await freeSlot(other, 3) })), 201, bookedMeetingSchema);
    expect(booked.meeting.hostUserId).toBe(other);
    expect(booked.assignment).toMatchObject({ autoAssigned: false, isOverride: true, proposedHostUserId: ranking[0]?.userId });
    expectBody(await api(server(), "DELETE", `/api/v1/meetings/${booked.meeting.id}`), 200, meetingDeletionSchema);
  });

  it("books on the rep's own calendar without a rotation, and refuses someone else's calendar", async () => {
    const booked = expectBody(await book(booking({ start: await freeSlot("usr_james") })), 201, bookedMeetingSchema);
    expect(booked.meeting).toMatchObject({ hostUserId: "usr_james", rotationId: null });
    expect(booked.assignment).toBeNull();
    expectError(await book(booking({ hostUserId: "usr_camille" })), 403, "forbidden");
    expectBody(await api(server(), "DELETE", `/api/v1/meetings/${booked.meeting.id}`), 200, meetingDeletionSchema);
  });

  it("answers each rule's refusal with its code and writes nothing", async () => {
    const { emea, support } = server().facts.rotationIds;
    const before = await counts();
    const lukas = `/api/v1/rotations/${emea}/members/usr_lukas`;
    expectBody(await api(server(), "PATCH", lukas, { as: "admin", body: { available: false } }), 200, availabilityChangeSchema);
    expectError(await book(booking({ rotationId: emea, hostUserId: "usr_lukas", start: await freeSlot("usr_lukas") })), 409, "member_unavailable");
    expectBody(await api(server(), "PATCH", lukas, { as: "admin", body: { available: true } }), 200, availabilityChangeSchema);

    expectError(await book(booking({ rotationId: emea, hostUserId: "usr_sofia" })), 422, "not_eligible");
    expectError(await book(booking({ rotationId: emea, hostUserId: "usr_priya" })), 422, "not_a_member");
    expectError(await book(booking({ rotationId: emea, hostUserId: "usr_camille", start: sundayNight() })), 422, "outside_working_hours");
    expectError(await book(booking({ rotationId: support, start: sundayNight() })), 422, "no_member_available");
    expectError(await book(booking({ rotationId: emea, start: "2020-01-06T10:00:00Z" })), 422, "in_the_past");
    expectError(await book(booking({ rotationId: emea, recordId: NO_SUCH_UUID })), 404, "record_not_found");
    expectError(await book(booking({ rotationId: NO_SUCH_UUID })), 404, "rotation_not_found");
    expectError(await book(booking({ rotationId: emea }), "repWithoutPermission"), 403, "forbidden");
    expect(await counts()).toEqual(before);
  });

  it("refuses malformed bookings with 400 and field errors", async () => {
    const emea = server().facts.rotationIds.emea;
    const fieldsOf = async (body: unknown) => Object.keys(expectError(await book(body), 400, "validation"));
    expect(await fieldsOf({})).toEqual(expect.arrayContaining(["recordType", "recordId", "title", "start", "durationMinutes"]));
    expect(await fieldsOf(booking({ rotationId: emea, priority: "high" }))).toEqual(["_"]);
    expect(await fieldsOf(booking({ start: "2031-01-07T09:00:00" }))).toEqual(["start"]);
    expect(await fieldsOf(booking({ start: "next tuesday" }))).toEqual(["start"]);
    expect(await fieldsOf(booking({ title: "x".repeat(201) }))).toEqual(["title"]);
    expect(await fieldsOf(booking({ title: "   " }))).toEqual(["title"]);
    expect(await fieldsOf(booking({ title: "a\u0000b" }))).toEqual(["title"]);
    expect(await fieldsOf(booking({ durationMinutes: 20 }))).toEqual(["durationMinutes"]);
    expect(await fieldsOf(booking({ durationMinutes: "30" }))).toEqual(["durationMinutes"]);
    expect(await fieldsOf(booking({ recordType: "lead" }))).toEqual(["recordType"]);
    expect(await fieldsOf(booking({ rotationId: "emea" }))).toEqual(["rotationId"]);
    expect(await fieldsOf(booking({ start: "2031-01-07T09:00:00Z", durationMinutes: 30, location: "x".repeat(501) }))).toEqual(["location"]);
    for (const raw of ["{", "null", "[1,2]", '"text"', "42"]) {
      expectError(await api(server(), "POST", "/api/v1/meetings", { rawBody: raw }), 400, "validation");
    }
    expectError(await api(server(), "POST", "/api/v1/meetings?dryRun=1", { body: booking() }), 400, "validation");
  });

  it("C7: a booking retried with its Idempotency-Key after a lost answer books once and answers the first meeting", async () => {
    const emea = server().facts.rotationIds.emea;
    const proposed = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea}/proposal`), 200, proposalSchema).ranking.proposed?.userId ?? "";
    const body = booking({ rotationId: emea, start: await freeSlot(proposed, 3) });
    const send = (sent: unknown, key: string) => api(server(), "POST", "/api/v1/meetings", { body: sent, headers: { "idempotency-key": key } });
    const before = await counts();

    const first = await send(body, "retry-me");
    const firstMeeting = expectBody(first, 201, bookedMeetingSchema).meeting;
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const retried = await send(body, "retry-me");
    expect(expectBody(retried, 201, bookedMeetingSchema).meeting).toEqual(firstMeeting);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(await counts()).toEqual({ ...before, [firstMeeting.hostUserId]: (before[firstMeeting.hostUserId] ?? 0) + 1 });

    expectError(await send({ ...body, title: "Another" }, "retry-me"), 422, "idempotency_key_reused");
    expectError(await send(body, "not a key"), 400, "validation");
    expect(await counts()).toEqual({ ...before, [firstMeeting.hostUserId]: (before[firstMeeting.hostUserId] ?? 0) + 1 });
  });

  it("answers 404 for unknown or malformed meeting ids and 405 for methods the API does not have", async () => {
    for (const id of [NO_SUCH_UUID, "abc", "%27%3B%20DROP%20TABLE%20meetings%3B--"]) {
      expectError(await api(server(), "DELETE", `/api/v1/meetings/${id}`), 404, "meeting_not_found");
    }
    expect((await api(server(), "GET", "/api/v1/meetings")).status).toBe(405);
    expect((await api(server(), "PUT", `/api/v1/meetings/${NO_SUCH_UUID}`, { body: {} })).status).toBe(405);
  });
});

import { expect, it } from "vitest";
import {
  adjustedCountSchema,
  countChangesSchema,
  createdSchema,
  deletionSchema,
  markedOutcomeSchema,
  memberLedgerSchema,
  outOfOfficeListSchema,
  reassignedSchema,
  reassignedUpcomingSchema,
  rotationSettingsSchema,
  settingsChangeSchema,
} from "@/lib/server/api/contract/fairness";
import { bookedMeetingSchema } from "@/lib/server/api/contract/meetings";
import { api } from "../api-client";
import { expectBody, expectError } from "./expect";
import { describeApiContract } from "./suite";

const NO_SUCH_UUID = "00000000-0000-4000-8000-000000000000";
const DAY_MS = 86_400_000;

describeApiContract("fairness controls", (server) => {
  const emea = () => server().facts.rotationIds.emea;

  it("rotation settings: read by reps, changed by admins with field errors for bad values, previewed without writing", async () => {
    const path = `/api/v1/rotations/${emea()}/settings`;
    expect(expectBody(await api(server(), "GET", path), 200, rotationSettingsSchema)).toMatchObject({ countWindow: "since_reset", newcomerPolicy: "reset_everyone", countNoShows: true, weeklyCap: null });
    expectError(await api(server(), "PATCH", path, { body: { weeklyCap: 5 } }), 403, "forbidden");
    const fields = expectError(await api(server(), "PATCH", path, { as: "admin", body: { weeklyCap: -1, timeZone: "Nowhere/Land", extra: 1 } }), 400, "validation");
    expect(Object.keys(fields).sort()).toEqual(["_", "timeZone", "weeklyCap"]);
    const preview = expectBody(await api(server(), "POST", `${path}/preview`, { as: "admin", body: { countNoShows: false } }), 200, countChangesSchema);
    expect(preview.changes).toEqual([]); // nothing in the demo is marked no-show
    const saved = expectBody(await api(server(), "PATCH", path, { as: "admin", body: { weeklyCap: 40, timeZone: "Europe/Paris" } }), 200, settingsChangeSchema);
    expect(saved).toMatchObject({ settings: { weeklyCap: 40, timeZone: "Europe/Paris" }, changed: ["timeZone", "weeklyCap"] });
    expectError(await api(server(), "GET", `/api/v1/rotations/${NO_SUCH_UUID}/settings`), 404, "rotation_not_found");
  });

  it("the ledger lists a member's entries; an admin adjusts with a reason, never below zero", async () => {
    const base = `/api/v1/rotations/${emea()}/members/usr_camille`;
    const before = expectBody(await api(server(), "GET", `${base}/ledger`, { as: "admin" }), 200, memberLedgerSchema);
    expectError(await api(server(), "GET", `${base}/ledger`), 403, "forbidden");
    const adjusted = expectBody(await api(server(), "POST", `${base}/adjustments`, { as: "admin", body: { delta: 2, reason: "Phone demos" } }), 201, adjustedCountSchema);
    expect(adjusted.count).toBe(before.count + 2);
    const after = expectBody(await api(server(), "GET", `${base}/ledger`, { as: "admin" }), 200, memberLedgerSchema);
    expect(after.entries[0]).toMatchObject({ cause: "adjustment", delta: 2, reason: "Phone demos", actorName: "Morgan Lee" });
    expect(Object.keys(expectError(await api(server(), "POST", `${base}/adjustments`, { as: "admin", body: { delta: -(after.count + 1), reason: "x" } }), 400, "validation"))).toEqual(["delta"]);
    expect(Object.keys(expectError(await api(server(), "POST", `${base}/adjustments`, { as: "admin", body: { delta: 1 } }), 400, "validation"))).toEqual(["reason"]);
    expectError(await api(server(), "POST", `/api/v1/rotations/${emea()}/members/usr_nobody/adjustments`, { as: "admin", body: { delta: 1, reason: "x" } }), 422, "not_a_member");
  });

  it("a meeting's outcome is marked and undone; a rotation meeting is reassigned to next in rotation and the counts move", async () => {
    const proposal = await api(server(), "GET", `/api/v1/rotations/${emea()}/proposal`);
    const proposed = (proposal.json as { ranking: { proposed: { userId: string } } }).ranking.proposed.userId;
    const from = new Date(Date.now() + 2 * DAY_MS).toISOString();
    const to = new Date(Date.now() + 16 * DAY_MS).toISOString();
    const slots = async (userId: string) =>
      ((await api(server(), "GET", `/api/v1/users/${userId}/calendar?from=${from}&to=${to}`)).json as { slots: Array<{ start: string }> }).slots.map((s) => s.start);
    // A time when the proposed member and one other eligible member are both free.
    const other = proposed === "usr_camille" ? "usr_lukas" : "usr_camille";
    const otherFree = new Set(await slots(other));
    const start = (await slots(proposed)).find((s) => otherFree.has(s)) ?? "";
    const booking = { recordType: "contact", recordId: server().facts.contactIds[0], title: "Reassign me", start, durationMinutes: 30, rotationId: emea() };
    const booked = expectBody(await api(server(), "POST", "/api/v1/meetings", { body: booking }), 201, bookedMeetingSchema);
    const meeting = `/api/v1/meetings/${booked.meeting.id}`;

    expect(expectBody(await api(server(), "PUT", `${meeting}/outcome`, { body: { outcome: "no_show" } }), 200, markedOutcomeSchema)).toEqual({ meetingId: booked.meeting.id, outcome: "no_show", countChange: 0 });
    expect(expectBody(await api(server(), "PUT", `${meeting}/outcome`, { body: { outcome: null } }), 200, markedOutcomeSchema).outcome).toBeNull();
    expect(Object.keys(expectError(await api(server(), "PUT", `${meeting}/outcome`, { body: { outcome: "great" } }), 400, "validation"))).toEqual(["outcome"]);
    expectError(await api(server(), "PUT", `/api/v1/meetings/${NO_SUCH_UUID}/outcome`, { body: { outcome: null } }), 404, "meeting_not_found");

    expect(Object.keys(expectError(await api(server(), "POST", `${meeting}/reassign`, { as: "admin", body: { to: "next" } }), 400, "validation"))).toEqual(["reason"]);
    expectError(await api(server(), "POST", `${meeting}/reassign`, { as: "admin", body: { to: "usr_priya", reason: "x" } }), 422, "not_a_member");
    expectError(await api(server(), "POST", `${meeting}/reassign`, { as: "repWithoutPermission", body: { to: "next", reason: "x" } }), 403, "forbidden");
    const moved = expectBody(await api(server(), "POST", `${meeting}/reassign`, { as: "admin", body: { to: "next", reason: "Speaks Italian" } }), 200, reassignedSchema);
    expect(moved.fromUserId).toBe(proposed);
    expect(moved.toUserId).not.toBe(proposed);
    const ledger = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea()}/members/${moved.toUserId}/ledger`, { as: "admin" }), 200, memberLedgerSchema);
    expect(ledger.entries[0]).toMatchObject({ cause: "reassigned_here", delta: 1, reason: "Speaks Italian", meeting: { id: booked.meeting.id } });
  });

  it("reassigning all upcoming meetings of a member is for admins", async () => {
    const path = `/api/v1/rotations/${emea()}/members/usr_lukas/reassign-upcoming`;
    expectError(await api(server(), "POST", path, { body: { reason: "Leaving" } }), 403, "forbidden");
    expect(Object.keys(expectError(await api(server(), "POST", path, { as: "admin", body: {} }), 400, "validation"))).toEqual(["reason"]);
    const result = expectBody(await api(server(), "POST", path, { as: "admin", body: { reason: "Leaving" } }), 200, reassignedUpcomingSchema);
    for (const moved of result.reassigned) expect(moved.toUserId).not.toBe("usr_lukas");
  });

  it("out-of-office periods: a rep adds and deletes their own, cannot touch others'; admins list anyone's", async () => {
    const start = new Date(Date.now() + 30 * DAY_MS).toISOString();
    const end = new Date(Date.now() + 32 * DAY_MS).toISOString();
    const created = expectBody(await api(server(), "POST", "/api/v1/out-of-office", { body: { start, end, note: "Conference" } }), 201, createdSchema);
    const mine = expectBody(await api(server(), "GET", "/api/v1/out-of-office"), 200, outOfOfficeListSchema);
    expect(mine.periods).toEqual([expect.objectContaining({ id: created.id, userId: "usr_james", note: "Conference", start, end, canDelete: true })]);
    expectError(await api(server(), "POST", "/api/v1/out-of-office", { body: { userId: "usr_camille", start, end } }), 403, "forbidden");
    expect(Object.keys(expectError(await api(server(), "POST", "/api/v1/out-of-office", { body: { start: end, end: start } }), 400, "validation"))).toEqual(["end"]);
    const camille = expectBody(await api(server(), "GET", "/api/v1/out-of-office?userId=usr_camille", { as: "admin" }), 200, outOfOfficeListSchema);
    expect(camille.periods.every((p) => p.userId === "usr_camille")).toBe(true);
    expectError(await api(server(), "GET", "/api/v1/out-of-office?userId=usr_camille"), 403, "forbidden");
    expect(expectBody(await api(server(), "DELETE", `/api/v1/out-of-office/${created.id}`), 200, deletionSchema)).toEqual({ deleted: true });
    expect(expectBody(await api(server(), "DELETE", `/api/v1/out-of-office/${created.id}`), 200, deletionSchema)).toEqual({ deleted: false });
  });
});

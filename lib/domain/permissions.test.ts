import { describe, expect, it } from "vitest";
import { canBookOwnMeetings, canBookWithRotation, canDeleteMeeting, canManageRotations, ineligibilityReasons, type ActorRights } from "./permissions";

const rep: ActorRights & { id: string } = { id: "rep", role: "member", active: true, seatAssigned: true, canScheduleForOthers: true };
const meeting = { hostUserId: "host", bookedByUserId: "booker" };

describe("permissions (R3, R4)", () => {
  it.each([
    ["the host", { ...rep, id: "host" }, true],
    ["the rep who booked it", { ...rep, id: "booker" }, true],
    ["an admin", { ...rep, role: "admin" as const }, true],
    ["another rep", rep, false],
    ["an inactive host", { ...rep, id: "host", active: false }, false],
  ])("deleting a meeting: %s → %s", (_who, actor, allowed) => {
    expect(canDeleteMeeting(actor, meeting)).toBe(allowed);
  });

  it.each([
    ["seat and permission", rep, true],
    ["no seat", { ...rep, seatAssigned: false }, false],
    ["no permission", { ...rep, canScheduleForOthers: false }, false],
    ["inactive", { ...rep, active: false }, false],
  ])("booking through a rotation with %s → %s", (_case, actor, allowed) => {
    expect(canBookWithRotation(actor)).toBe(allowed);
  });

  it("own meetings need an active user with a seat; rotations are managed by active admins only", () => {
    expect([canBookOwnMeetings(rep), canBookOwnMeetings({ ...rep, seatAssigned: false })]).toEqual([true, false]);
    expect([canManageRotations(rep), canManageRotations({ ...rep, role: "admin" }), canManageRotations({ ...rep, role: "admin", active: false })]).toEqual([false, true, false]);
  });

  it("names every reason a user cannot be a member, sync only when a calendar is connected", () => {
    const eligible = { active: true, seatAssigned: true, calendarConnected: true, calendarSyncEnabled: true };
    expect(ineligibilityReasons(eligible)).toEqual([]);
    expect(ineligibilityReasons({ active: false, seatAssigned: false, calendarConnected: false, calendarSyncEnabled: false })).toEqual(["inactive", "no_seat", "calendar_not_connected"]);
    expect(ineligibilityReasons({ ...eligible, calendarSyncEnabled: false })).toEqual(["calendar_sync_off"]);
  });
});

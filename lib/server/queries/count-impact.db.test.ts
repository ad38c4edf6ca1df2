import { eq } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { meetings, teamMembers } from "@/db/schema";
import { previewRotationEdit, previewTeamJoin } from "@/lib/server/queries/count-impact";
import { changeTeamMembership } from "@/lib/server/use-cases/change-team-membership";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { updateRotationSettings } from "@/lib/server/use-cases/update-rotation-settings";
import { refusedId, refusedObject, refusedText } from "@/test/api-fuzz/action-values";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { insertTeam, insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

/**
 * The tester's case: "Inbound EMEA" includes the team "Sales EMEA" (four members) and has 9
 * meetings counted after one of 10 was deleted; Ava Chen has no seat.
 */
async function salesEmea(db: Database) {
  const fixture = await rotationFixture(db, ["d1", "d2", "d3", "d4"], { name: "Inbound EMEA" });
  const { admin, rotationId, book } = fixture;
  const team = await insertTeam(db, "Sales EMEA", ["d1", "d2", "d3", "d4"]);
  unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound EMEA", teamIds: [team.id] }));
  const hosts = ["d1", "d1", "d1", "d2", "d2", "d2", "d3", "d3", "d4", "d4"];
  const booked = [];
  for (const [i, host] of hosts.entries()) booked.push(unwrap(await book(slot(i), host)));
  const last = booked.at(-1);
  if (!last) throw new Error("nothing booked");
  unwrap(await deleteMeeting(db, admin, last.meetingId));
  await insertUser(db, { id: "ava", name: "Ava Chen", seatAssigned: false });
  return { ...fixture, team };
}

describeEachDatabase("count impact previews", (current) => {
  it("adding a seatless user to a team: the rotation, its 9 counted meetings among 4 members, and why she can't be proposed", async () => {
    const { db } = current();
    const { admin, rotationId, team } = await salesEmea(db);
    const before = await expectCountsDerived(db, rotationId);
    expect(before).toEqual({ d1: 3, d2: 3, d3: 2, d4: 1 });

    const preview = unwrap(await previewTeamJoin(db, admin, team.id, "ava"));
    expect(preview).toEqual({
      team: { id: team.id, name: "Sales EMEA" },
      user: { id: "ava", name: "Ava Chen", ineligibleText: "No seat" },
      alreadyInTeam: false,
      rotations: [
        {
          rotationId,
          rotationName: "Inbound EMEA",
          effect: "reset",
          countedMeetings: 9,
          memberCount: 4,
          joining: [{ id: "ava", name: "Ava Chen", ineligibleText: "No seat" }],
          leaving: 0,
          startLevel: null,
        },
      ],
    });
    // The figure is the sum of the counts the rotation shows, and the preview wrote nothing.
    expect(Object.values(before).reduce((a, b) => a + b, 0)).toBe(9);
    expect(await expectCountsDerived(db, rotationId)).toEqual(before);
    expect(await db.select().from(teamMembers).where(eq(teamMembers.userId, "ava"))).toEqual([]);

    // The add as previewed resets exactly that rotation.
    const added = unwrap(await changeTeamMembership(db, admin, team.id, "ava", "add", { confirmedResets: [rotationId] }));
    expect(added.rotations).toEqual([{ rotationId, added: ["ava"], removed: [], countsReset: true }]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 0, d2: 0, d3: 0, d4: 0, ava: 0 });
    // Once in, adding again changes nothing anywhere.
    const again = unwrap(await previewTeamJoin(db, admin, team.id, "ava"));
    expect(again.alreadyInTeam).toBe(true);
    expect(again.rotations.map((r) => [r.effect, r.memberCount, r.countedMeetings])).toEqual([["none", 5, 0]]);
  });

  it("a reset nobody confirmed is refused and rolled back; a rotation already holding the user does not reset", async () => {
    const { db } = current();
    const { admin, rotationId, team } = await salesEmea(db);
    const refused = await changeTeamMembership(db, admin, team.id, "ava", "add", { confirmedResets: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: "confirmation_required", message: expect.stringContaining("Inbound EMEA") } });
    expect(await db.select().from(teamMembers).where(eq(teamMembers.userId, "ava"))).toEqual([]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 3, d2: 3, d3: 2, d4: 1 });

    // Chosen directly in a second rotation including the team: joining the team is no news there.
    await insertUser(db, { id: "eli", name: "Eli Park" });
    const { rotationId: direct } = unwrap(await createRotation(db, admin, { name: "Renewals", userIds: ["eli"], teamIds: [team.id] }));
    const preview = unwrap(await previewTeamJoin(db, admin, team.id, "eli"));
    expect(preview.user.ineligibleText).toBe("");
    expect(preview.rotations.map((r) => [r.rotationName, r.effect, r.countedMeetings, r.memberCount])).toEqual([
      ["Inbound EMEA", "reset", 9, 4],
      ["Renewals", "none", 0, 5],
    ]);
    // Outcomes come in lock order (rotation id), previews by name.
    const outcomes = unwrap(await changeTeamMembership(db, admin, team.id, "eli", "add", { confirmedResets: [rotationId] })).rotations;
    expect(Object.fromEntries(outcomes.map(({ rotationId: id, ...outcome }) => [id, outcome]))).toEqual({
      [rotationId]: { added: ["eli"], removed: [], countsReset: true },
      [direct]: { added: [], removed: [], countsReset: false },
    });
  });

  it("start level (R15): nobody's count changes, and the newcomer's level is the one they get", async () => {
    const { db } = current();
    const { admin, rotationId, team } = await salesEmea(db);
    unwrap(await updateRotationSettings(db, admin, rotationId, { newcomerPolicy: "start_level" }));
    await insertUser(db, { id: "noa", name: "Noa Levi" });

    const [impact] = unwrap(await previewTeamJoin(db, admin, team.id, "noa")).rotations;
    expect(impact).toMatchObject({ effect: "level", countedMeetings: 9, memberCount: 4, startLevel: 1 });
    unwrap(await changeTeamMembership(db, admin, team.id, "noa", "add", { confirmedResets: [] }));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 3, d2: 3, d3: 2, d4: 1, noa: 1 });
  });

  it("the rotation panel's save: a new member resets with the figures; only removing resets nothing", async () => {
    const { db } = current();
    const { admin, rotationId, team } = await salesEmea(db);
    await insertUser(db, { id: "kim", name: "Kim Ode" });
    expect(unwrap(await previewRotationEdit(db, admin, rotationId, { name: "Inbound EMEA", userIds: ["kim"], teamIds: [team.id] }))).toEqual({
      rotationId,
      rotationName: "Inbound EMEA",
      effect: "reset",
      countedMeetings: 9,
      memberCount: 4,
      joining: [{ id: "kim", name: "Kim Ode", ineligibleText: "" }],
      leaving: 0,
      startLevel: null,
    });
    expect(unwrap(await previewRotationEdit(db, admin, rotationId, { name: "Inbound EMEA", userIds: ["d1", "d2"] }))).toMatchObject({ effect: "none", leaving: 2, joining: [] });

    const unconfirmed = await updateRotation(db, admin, rotationId, { name: "Inbound EMEA", userIds: ["kim"], teamIds: [team.id] }, { confirmedReset: false });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: "confirmation_required" } });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 3, d2: 3, d3: 2, d4: 1 });
    unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound EMEA", userIds: ["kim"], teamIds: [team.id] }, { confirmedReset: true }));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 0, d2: 0, d3: 0, d4: 0, kim: 0 });
  });

  it("bad input gets clear errors, never an exception; only admins may preview", async () => {
    const { db } = current();
    const { admin, rep, rotationId, team } = await salesEmea(db);
    expect(await previewTeamJoin(db, admin, team.id, "")).toMatchObject({ ok: false, error: { code: "validation", fields: { userId: ["Choose someone to add."] } } });
    expect(await previewTeamJoin(db, admin, team.id, "nobody")).toMatchObject({ ok: false, error: { code: "user_not_found", fields: { userId: expect.any(Array) } } });
    expect(await previewTeamJoin(db, admin, team.id, "a\u0000b")).toMatchObject({ ok: false, error: { code: "user_not_found" } });
    expect(await previewTeamJoin(db, admin, "not-a-uuid", "ava")).toMatchObject({ ok: false, error: { code: "team_not_found" } });
    expect(await previewTeamJoin(db, admin, "00000000-0000-4000-8000-000000000000", "ava")).toMatchObject({ ok: false, error: { code: "team_not_found" } });
    expect(await previewRotationEdit(db, admin, rotationId, { name: " ", userIds: [] })).toMatchObject({ ok: false, error: { code: "validation", fields: { name: expect.any(Array), members: expect.any(Array) } } });
    expect(await previewRotationEdit(db, admin, rotationId, "garbage")).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await previewRotationEdit(db, admin, "nope", { name: "x", userIds: ["d1"] })).toMatchObject({ ok: false, error: { code: "rotation_not_found" } });
    expect(await previewTeamJoin(db, rep, team.id, "ava")).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await previewRotationEdit(db, rep, rotationId, { name: "x", userIds: ["d1"] })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // Meetings are untouched by every preview above.
    expect((await db.select().from(meetings)).length).toBe(10);
  });

  it("hostile ids and bodies, fuzzed, come back as refusals, never exceptions", async () => {
    const { db } = current();
    const { admin, rotationId, team } = await salesEmea(db);
    const calls = fc.oneof(
      refusedId.map((id) => () => previewTeamJoin(db, admin, team.id, id)),
      refusedId.map((id) => () => previewTeamJoin(db, admin, id, "ava")),
      refusedId.map((id) => () => previewRotationEdit(db, admin, id, { name: "Inbound EMEA", userIds: ["d1"] })),
      refusedObject.map((input) => () => previewRotationEdit(db, admin, rotationId, input)),
      refusedText.map((name) => () => previewRotationEdit(db, admin, rotationId, { name, userIds: ["d1"] })),
    );
    await fc.assert(
      fc.asyncProperty(calls, async (call) => {
        expect((await call()).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

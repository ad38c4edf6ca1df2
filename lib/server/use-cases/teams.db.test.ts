import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, rotationMembers, rotationTeams, teamMembers, teams } from "@/db/schema";
import { getRotationHistory } from "@/lib/server/queries/rotation-history";
import { listTeams } from "@/lib/server/queries/teams";
import { changeTeamMembership } from "@/lib/server/use-cases/change-team-membership";
import { createTeam } from "@/lib/server/use-cases/create-team";
import { deleteTeam } from "@/lib/server/use-cases/delete-team";
import { renameTeam } from "@/lib/server/use-cases/rename-team";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { countRows, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertAdmin, insertTeam, insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

describeEachDatabase("team administration", (current) => {
  it("creates a team with a trimmed name unique in any case, optionally with members", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db, { id: "admin" })).id);
    await insertUser(db, { id: "u1" });
    const { teamId } = unwrap(await createTeam(db, admin, { name: "  Closers  ", userIds: ["u1", "u1"] }));
    expect(await db.select({ name: teams.name }).from(teams)).toEqual([{ name: "Closers" }]);
    expect(await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId))).toEqual([{ userId: "u1" }]);

    expect(await createTeam(db, admin, { name: "CLOSERS" })).toMatchObject({ ok: false, error: { code: "name_taken", fields: { name: [expect.any(String)] } } });
    for (const name of ["", "   ", "x".repeat(101)]) {
      expect(await createTeam(db, admin, { name })).toMatchObject({ ok: false, error: { code: "validation", fields: { name: [expect.any(String)] } } });
    }
    expect(await createTeam(db, admin, { name: "Ghosts", userIds: ["nobody"] })).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await db.select().from(teams)).toHaveLength(1);
  });

  it("R7: renaming a team keeps it in its rotations and resets nothing", async () => {
    const { db } = current();
    const { rotationId, admin, book } = await rotationFixture(db, ["d1"]);
    await insertUser(db, { id: "t1" });
    const team = await insertTeam(db, "Closers", ["t1"]);
    await insertTeam(db, "Openers");
    unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["d1"], teamIds: [team.id] }));
    unwrap(await book(slot(0), "t1"));

    expect(unwrap(await renameTeam(db, admin, team.id, { name: " Deal closers " }))).toEqual({ from: "Closers", to: "Deal closers" });
    expect(await renameTeam(db, admin, team.id, { name: "openers" })).toMatchObject({ ok: false, error: { code: "name_taken" } });
    expect(await renameTeam(db, admin, "not-an-id", { name: "X" })).toMatchObject({ ok: false, error: { code: "team_not_found" } });
    expect(await renameTeam(db, admin, crypto.randomUUID(), { name: "X" })).toMatchObject({ ok: false, error: { code: "team_not_found" } });
    // Changing only the case of its own name is allowed.
    unwrap(await renameTeam(db, admin, team.id, { name: "DEAL closers" }));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ d1: 0, t1: 1 });
    expect(unwrap(await listTeams(db, admin)).teams.map((t) => [t.name, t.members.map((m) => m.id), t.rotations.map((r) => r.name)])).toEqual([
      ["DEAL closers", ["t1"], ["Inbound"]],
      ["Openers", [], []],
    ]);
  });

  it("R2: deleting a team removes its users from the rotations that included it (not those also chosen directly), without a reset, and says so in their history", async () => {
    const { db } = current();
    const { rotationId, admin, book } = await rotationFixture(db, ["both"]);
    await insertUser(db, { id: "only", name: "Olly Only" });
    const team = await insertTeam(db, "Closers", ["both", "only"]);
    unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound", userIds: ["both"], teamIds: [team.id] }));
    unwrap(await book(slot(0), "both"));

    const deleted = unwrap(await deleteTeam(db, admin, team.id));
    expect(deleted).toEqual({ name: "Closers", rotations: [{ rotationId, added: [], removed: ["only"], countsReset: false }] });
    expect(await db.select().from(teams)).toEqual([]);
    expect(await db.select().from(rotationTeams)).toEqual([]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ both: 1 });
    expect(await deleteTeam(db, admin, team.id)).toMatchObject({ ok: false, error: { code: "team_not_found" } });

    const history = unwrap(await getRotationHistory(db, admin, rotationId)).entries;
    expect(history.slice(0, 2).map((e) => [e.type, e.actorName, e.subjectName, e.details])).toEqual([
      ["member_removed", "admin", "Olly Only", { teamId: team.id, teamName: "Closers", teamDeleted: true }],
      ["rotation_settings_changed", "admin", null, { teamRemoved: { id: team.id, name: "Closers", reason: "team_deleted" } }],
    ]);
  });

  it("R12: the history names who booked, the proposed and the chosen host, newest first, and says when there is more", async () => {
    const { db } = current();
    const { rotationId, admin, book } = await rotationFixture(db, [{ id: "m1", name: "Mia One" }, { id: "m2", name: "Max Two" }]);
    unwrap(await book(slot(0)));
    unwrap(await book(slot(1), "m1"));
    const { entries, hasMore } = unwrap(await getRotationHistory(db, admin, rotationId));
    expect(hasMore).toBe(false);
    expect(entries.map((e) => [e.type, e.actorName, e.proposedHostName, e.chosenHostName, e.isOverride])).toEqual([
      ["meeting_booked", "rep", "Max Two", "Mia One", true],
      ["meeting_booked", "rep", "Mia One", "Mia One", false],
      ["member_added", "admin", null, null, null],
      ["member_added", "admin", null, null, null],
      ["rotation_created", "admin", null, null, null],
    ]);
    expect(unwrap(await getRotationHistory(db, admin, rotationId, 2))).toMatchObject({ hasMore: true, entries: [{ type: "meeting_booked" }, { type: "meeting_booked" }] });
    expect(await getRotationHistory(db, admin, "nope")).toMatchObject({ ok: false, error: { code: "rotation_not_found" } });
  });

  it("R4: only admins create, rename, delete teams, change their members or read them; a refusal writes nothing", async () => {
    const { db } = current();
    const { rotationId, rep } = await rotationFixture(db, ["m1"]);
    const team = await insertTeam(db, "Closers", ["m1"]);
    const before = { teams: await db.select().from(teams), members: await db.select().from(teamMembers), rotation: await db.select().from(rotationMembers), audit: await countRows(db, auditEvents) };

    expect(await createTeam(db, rep, { name: "Mine" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await renameTeam(db, rep, team.id, { name: "Renamed" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await deleteTeam(db, rep, team.id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await changeTeamMembership(db, rep, team.id, rep.id, "add")).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await listTeams(db, rep)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await getRotationHistory(db, rep, rotationId)).toMatchObject({ ok: false, error: { code: "forbidden" } });

    expect(await db.select().from(teams)).toEqual(before.teams);
    expect(await db.select().from(teamMembers)).toEqual(before.members);
    expect(await db.select().from(rotationMembers)).toEqual(before.rotation);
    expect(await countRows(db, auditEvents)).toBe(before.audit);
  });
});

import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, rotationMembers, users } from "@/db/schema";
import { listMemberOptions, listUsers } from "@/lib/server/queries/users";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { updateUser } from "@/lib/server/use-cases/update-user";
import { auditOf, countRows, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertAdmin, insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

describeEachDatabase("user administration", (current) => {
  it("an admin sets role, seat, permission, calendar, time zone and working hours", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db, { id: "admin" })).id);
    await insertUser(db, { id: "u1" });
    const changes = {
      role: "admin",
      seatAssigned: false,
      canScheduleForOthers: true,
      calendarConnected: false,
      calendarSyncEnabled: false,
      timeZone: "Europe/Paris",
      workingHours: { weekdays: [5, 1, 3], start: "08:30", end: "24:00" },
    };
    expect(unwrap(await updateUser(db, admin, "u1", changes))).toEqual({ userId: "u1", eligibilityChangedIn: [] });
    const [stored] = await db.select().from(users).where(eq(users.id, "u1"));
    // Weekdays are stored sorted, so equal schedules compare equal.
    expect(stored).toMatchObject({ ...changes, workingHours: { weekdays: [1, 3, 5], start: "08:30", end: "24:00" } });

    // One field at a time works too, and leaves the others alone.
    unwrap(await updateUser(db, admin, "u1", { seatAssigned: true }));
    expect((await db.select().from(users).where(eq(users.id, "u1")))[0]).toMatchObject({ seatAssigned: true, timeZone: "Europe/Paris" });
  });

  it("refuses an unknown time zone, malformed working hours and unknown fields, with the field named, and writes nothing", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db, { id: "admin" })).id);
    await insertUser(db, { id: "u1" });
    const before = await db.select().from(users).where(eq(users.id, "u1"));
    const cases: Array<[unknown, string]> = [
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ timeZone: "" }, "timeZone"],
      [{ workingHours: { weekdays: [1, 1], start: "09:00", end: "17:00" } }, "workingHours.weekdays"],
      [{ workingHours: { weekdays: [1], start: "9am", end: "17:00" } }, "workingHours.start"],
      [{ workingHours: { weekdays: [1], start: "17:00", end: "09:00" } }, "workingHours.end"],
      [{ workingHours: { weekdays: [7], start: "09:00", end: "17:00" } }, "workingHours.weekdays.0"],
      [{ role: "owner" }, "role"],
      [{ seatAssigned: "yes" }, "seatAssigned"],
      [{ email: "new@example.test" }, "_"],
      [{}, "_"],
    ];
    for (const [input, field] of cases) {
      const result = await updateUser(db, admin, "u1", input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: "validation", fields: { [field]: [expect.any(String)] } } });
    }
    // A malformed start is explained once, not also as "end before start".
    const malformed = await updateUser(db, admin, "u1", { workingHours: { weekdays: [1], start: "9am", end: "17:00" } });
    expect(!malformed.ok && Object.keys(malformed.error.fields ?? {})).toEqual(["workingHours.start"]);
    expect(await updateUser(db, admin, "nobody", { seatAssigned: true })).toMatchObject({ ok: false, error: { code: "user_not_found" } });
    expect(await updateUser(db, admin, 42, { seatAssigned: true })).toMatchObject({ ok: false, error: { code: "user_not_found" } });
    expect(await db.select().from(users).where(eq(users.id, "u1"))).toEqual(before);
  });

  it("R3: a deactivated member stays listed, not eligible and never proposed; the rotation's history says so; counts are kept", async () => {
    const { db } = current();
    const { rotationId, admin, book } = await rotationFixture(db, ["m1", "m2"]);
    unwrap(await book(slot(0), "m2"));
    const outcome = unwrap(await updateUser(db, admin, "m1", { active: false }));
    expect(outcome.eligibilityChangedIn).toEqual([rotationId]);

    const ranking = unwrap(await getProposal(db, admin, rotationId)).ranking;
    expect(ranking.proposed?.userId).toBe("m2");
    expect(ranking.members.find((m) => m.userId === "m1")).toMatchObject({ status: "not_eligible", reason: "Not eligible: inactive" });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 1 });
    const [event] = await auditOf(db, "rotation_settings_changed");
    expect(event).toMatchObject({ rotationId, actorUserId: "admin", subjectUserId: "m1", details: { memberEligibility: { from: [], to: ["inactive"] } } });

    // Back again: eligible, still a member (not a new one), so nothing resets.
    unwrap(await updateUser(db, admin, "m1", { active: true }));
    expect(unwrap(await getProposal(db, admin, rotationId)).ranking.proposed?.userId).toBe("m1");
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 1 });
    expect(await auditOf(db, "counts_reset")).toEqual([]);
    // A change that does not touch eligibility leaves the history alone.
    unwrap(await updateUser(db, admin, "m1", { timeZone: "Asia/Tokyo" }));
    expect(await auditOf(db, "rotation_settings_changed")).toHaveLength(2);
    expect(await db.select().from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId))).toHaveLength(2);
  });

  it("never leaves the organisation without an admin: no self-demotion or self-deactivation", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db, { id: "admin" })).id);
    await insertAdmin(db, { id: "admin2" });
    expect(await updateUser(db, admin, "admin", { active: false })).toMatchObject({ ok: false, error: { code: "validation", fields: { active: [expect.any(String)] } } });
    expect(await updateUser(db, admin, "admin", { role: "member" })).toMatchObject({ ok: false, error: { code: "validation", fields: { role: [expect.any(String)] } } });
    // Another admin may be demoted; then that one can no longer demote anyone.
    const second = await actorFor(db, "admin2");
    unwrap(await updateUser(db, admin, "admin2", { role: "member" }));
    expect(await updateUser(db, { ...second, role: "admin" }, "admin", { role: "member" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await db.select({ role: users.role }).from(users).where(eq(users.id, "admin")))[0]?.role).toBe("admin");
  });

  it("R4: only admins change users or list them; a refusal writes nothing", async () => {
    const { db } = current();
    const { rep } = await rotationFixture(db, ["m1"]);
    const before = { users: await db.select().from(users), audit: await countRows(db, auditEvents) };
    for (const input of [{ role: "admin" }, { active: false }, { canScheduleForOthers: true }, { seatAssigned: false }]) {
      expect(await updateUser(db, rep, "m1", input)).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await updateUser(db, rep, rep.id, input)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(await listUsers(db, rep)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await listMemberOptions(db, rep)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.select().from(users)).toEqual(before.users);
    expect(await countRows(db, auditEvents)).toBe(before.audit);
  });

  it("lists users with teams, rotations and eligibility, and offers ineligible users in the picker with the reason", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db, { id: "admin", name: "Ada Admin" })).id);
    await insertUser(db, { id: "nosync", name: "Sam Nosync", calendarSyncEnabled: false });
    await insertUser(db, { id: "ok", name: "Olga Ok" });
    const listed = unwrap(await listUsers(db, admin));
    expect(listed.map((u) => [u.name, u.ineligibleText])).toEqual([
      ["Ada Admin", ""],
      ["Olga Ok", ""],
      ["Sam Nosync", "Calendar sync off"],
    ]);
    const options = unwrap(await listMemberOptions(db, admin));
    expect(options.users.find((u) => u.id === "nosync")).toMatchObject({ ineligibleText: "Calendar sync off" });
    expect(options.teams).toEqual([]);
  });
});

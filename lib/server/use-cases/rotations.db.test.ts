import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, meetings, rotationMembers, rotations, users } from "@/db/schema";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { deleteRotation } from "@/lib/server/use-cases/delete-rotation";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { auditOf, countRows, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertAdmin, insertRep, insertUser } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

describeEachDatabase("rotation administration", (current) => {
  it("R1: trims the name, allows 1–100 characters and refuses a name taken in any case", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db)).id);
    const { id: member } = await insertUser(db);
    const create = (name: string) => createRotation(db, admin, { name, userIds: [member] });

    const { rotationId } = unwrap(await create("  Inbound demos  "));
    const [stored] = await db.select().from(rotations).where(eq(rotations.id, rotationId));
    expect(stored?.name).toBe("Inbound demos");
    for (const name of ["", "   ", "x".repeat(101)]) {
      expect(await create(name)).toMatchObject({ ok: false, error: { code: "validation", fields: { name: [expect.any(String)] } } });
    }
    expect(unwrap(await create(`  ${"y".repeat(100)} `))).toHaveProperty("rotationId");
    expect(await create("INBOUND DEMOS")).toMatchObject({ ok: false, error: { code: "name_taken", fields: { name: [expect.any(String)] } } });

    const { rotationId: other } = unwrap(await create("Renewals"));
    expect(await updateRotation(db, admin, other, { name: " inbound Demos", userIds: [member] })).toMatchObject({ ok: false, error: { code: "name_taken" } });
    // A rotation may change the case of its own name.
    unwrap(await updateRotation(db, admin, rotationId, { name: "INBOUND demos", userIds: [member] }));
    expect(await db.select({ name: rotations.name }).from(rotations).orderBy(rotations.name)).toEqual([
      { name: "INBOUND demos" },
      { name: "Renewals" },
      { name: "y".repeat(100) },
    ]);
  });

  it("R3: refuses a user chosen directly who cannot take meetings, with the reason, and writes nothing", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db)).id);
    const { id: ok } = await insertUser(db);
    const cases = [
      [{ seatAssigned: false }, "no seat"],
      [{ calendarConnected: false }, "calendar not connected"],
      [{ calendarSyncEnabled: false }, "calendar sync off"],
      [{ active: false }, "inactive"],
    ] as const;
    for (const [flags, reason] of cases) {
      const { id } = await insertUser(db, flags);
      const result = await createRotation(db, admin, { name: `R ${reason}`, userIds: [ok, id] });
      expect(result).toMatchObject({ ok: false, error: { code: "not_eligible", fields: { members: [expect.stringContaining(reason)] } } });
      expect(!result.ok && result.error.message).toContain(reason);
    }
    expect(await countRows(db, auditEvents)).toBe(0);
    expect(await db.select().from(rotations)).toEqual([]);
  });

  it("R4: only admins create, edit, delete rotations and switch availability; a refusal writes nothing", async () => {
    const { db } = current();
    const { rotationId, memberIds } = await rotationFixture(db, ["m1", "m2"]);
    const rep = await actorFor(db, (await insertRep(db, { id: "rep2" })).id);
    const before = { audit: await countRows(db, auditEvents), rotations: await db.select().from(rotations), members: await db.select().from(rotationMembers) };

    expect(await createRotation(db, rep, { name: "Mine", userIds: memberIds })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await updateRotation(db, rep, rotationId, { name: "Renamed", userIds: ["m1"] })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await setMemberAvailability(db, rep, rotationId, "m1", { available: false })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await deleteRotation(db, rep, rotationId)).toMatchObject({ ok: false, error: { code: "forbidden" } });

    expect(await countRows(db, auditEvents)).toBe(before.audit);
    expect(await db.select().from(rotations)).toEqual(before.rotations);
    expect(await db.select().from(rotationMembers)).toEqual(before.members);
  });

  it("R7: a member added directly resets every count; removing, renaming and toggling reset nothing", async () => {
    const { db } = current();
    const { rotationId, book, admin } = await rotationFixture(db, ["m1", "m2", "m3"]);
    unwrap(await book(slot(0), "m1"));
    unwrap(await book(slot(1), "m1"));
    unwrap(await book(slot(2), "m2"));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 2, m2: 1, m3: 0 });

    const removal = unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound (EMEA)", userIds: ["m1", "m2"] }));
    expect(removal).toEqual({ added: [], removed: ["m3"], countsReset: false });
    unwrap(await setMemberAvailability(db, admin, rotationId, "m2", { available: false }));
    unwrap(await setMemberAvailability(db, admin, rotationId, "m2", { available: true }));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 2, m2: 1 });

    // m3 comes back: a new member (R7), so everyone starts from zero again.
    const returning = unwrap(await updateRotation(db, admin, rotationId, { name: "Inbound (EMEA)", userIds: ["m1", "m2", "m3"] }));
    expect(returning).toEqual({ added: ["m3"], removed: [], countsReset: true });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 0, m3: 0 });

    // Deleting a meeting booked before the reset changes no count and never goes below 0.
    const [old] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.hostUserId, "m2"));
    expect(unwrap(await deleteMeeting(db, admin, old?.id ?? "")).countDecremented).toBe(false);
    unwrap(await book(slot(3), "m1"));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 0, m3: 0 });
    expect((await auditOf(db, "counts_reset")).map((e) => e.details)).toEqual([{ newMembers: ["m3"] }]);
  });

  it("R5, R12: availability changes and every rotation change are recorded with who did it", async () => {
    const { db } = current();
    const { rotationId, admin } = await rotationFixture(db, ["m1", "m2"]);
    await insertUser(db, { id: "m3" });
    expect(unwrap(await setMemberAvailability(db, admin, rotationId, "m1", { available: false }))).toEqual({ available: false, changed: true });
    expect(unwrap(await setMemberAvailability(db, admin, rotationId, "m1", { available: false }))).toEqual({ available: false, changed: false });
    expect(await setMemberAvailability(db, admin, rotationId, "m3", { available: false })).toMatchObject({ ok: false, error: { code: "not_a_member" } });
    unwrap(await updateRotation(db, admin, rotationId, { name: "Outbound", userIds: ["m2", "m3"] }));
    unwrap(await deleteRotation(db, admin, rotationId));

    const history = await db.select().from(auditEvents).where(eq(auditEvents.rotationId, rotationId)).orderBy(auditEvents.id);
    expect(history.map((e) => [e.type, e.actorUserId, e.subjectUserId])).toEqual([
      ["rotation_created", "admin", null],
      ["member_added", "admin", "m1"],
      ["member_added", "admin", "m2"],
      ["availability_changed", "admin", "m1"],
      ["rotation_renamed", "admin", null],
      ["member_added", "admin", "m3"],
      ["member_removed", "admin", "m1"],
      ["counts_reset", "admin", null],
      ["rotation_deleted", "admin", null],
    ]);
    expect(history[3]?.details).toEqual({ available: false });
    expect(history[4]?.details).toEqual({ from: "Inbound", to: "Outbound" });
    expect(history.every((e) => e.occurredAt instanceof Date)).toBe(true);
    // The rotation is gone; its members with it, its history kept.
    expect(await db.select().from(rotationMembers)).toEqual([]);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, "m1"))).toHaveLength(1);
  });
});

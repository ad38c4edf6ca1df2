import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, busyBlocks, meetings, users } from "@/db/schema";
import { loadActor } from "@/lib/server/actor";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { NOW, auditOf, bookingInput, countRows, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertUser } from "@/test/factories";
import { expectCountsDerived, storedCounts, unwrap } from "@/test/rotation-counts";

describeEachDatabase("booking and deleting through a rotation", (current) => {
  it("R6: adds one to the host's count whoever chose them, takes it back on delete, once", async () => {
    const { db } = current();
    const { rotationId, book, admin } = await rotationFixture(db, ["m1", "m2", "m3"]);

    const proposed = unwrap(await book(slot(0)));
    expect(proposed).toMatchObject({ hostUserId: "m1", proposedHostUserId: "m1", isOverride: false });
    const override = unwrap(await book(slot(1), "m1"));
    expect(override).toMatchObject({ hostUserId: "m1", proposedHostUserId: "m2", isOverride: true });
    unwrap(await book(slot(2), "m2"));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 2, m2: 1, m3: 0 });

    expect(unwrap(await deleteMeeting(db, admin, override.meetingId))).toEqual({ meetingId: override.meetingId, deleted: true, countDecremented: true });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 1, m3: 0 });
    // Deleting again is idempotent: nothing more comes off.
    expect(unwrap(await deleteMeeting(db, admin, override.meetingId))).toEqual({ meetingId: override.meetingId, deleted: false, countDecremented: false });
    expect(unwrap(await deleteMeeting(db, admin, proposed.meetingId)).countDecremented).toBe(true);
    expect(unwrap(await deleteMeeting(db, admin, proposed.meetingId)).countDecremented).toBe(false);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 1, m3: 0 });
    expect((await auditOf(db, "meeting_deleted")).length).toBe(2);
  });

  it("R9, R12: records every booking and deletion with actor, proposed host, chosen host and override", async () => {
    const { db } = current();
    const { rotationId, book, rep } = await rotationFixture(db, ["m1", "m2"]);
    const chosen = unwrap(await book(slot(0), "m1"));
    const overridden = unwrap(await book(slot(1), "m1"));
    unwrap(await deleteMeeting(db, rep, overridden.meetingId));

    const booked = await auditOf(db, "meeting_booked");
    expect(booked.map((e) => [e.rotationId, e.actorUserId, e.meetingId, e.proposedHostUserId, e.chosenHostUserId, e.isOverride])).toEqual([
      [rotationId, "rep", chosen.meetingId, "m1", "m1", false],
      [rotationId, "rep", overridden.meetingId, "m2", "m1", true],
    ]);
    expect(booked[0]?.occurredAt).toBeInstanceOf(Date);
    const deleted = await auditOf(db, "meeting_deleted");
    expect(deleted.map((e) => [e.rotationId, e.actorUserId, e.meetingId, e.chosenHostUserId])).toEqual([[rotationId, "rep", overridden.meetingId, "m1"]]);
  });

  it("R4: refuses a rep without a seat or without the permission, whatever they send, and writes nothing", async () => {
    const { db } = current();
    const { rotationId, contactId } = await rotationFixture(db, ["m1", "m2"]);
    const noSeat = await actorFor(db, (await insertUser(db, { id: "no-seat", seatAssigned: false, canScheduleForOthers: true })).id);
    const noPermission = await actorFor(db, (await insertUser(db, { id: "no-perm", canScheduleForOthers: false })).id);
    const auditBefore = await countRows(db, auditEvents);

    for (const actor of [noSeat, noPermission]) {
      expect(await getProposal(db, actor, rotationId)).toMatchObject({ ok: false, error: { code: "forbidden" } });
      for (const input of [
        bookingInput(contactId, slot(0), { rotationId }),
        bookingInput(contactId, slot(0), { rotationId, hostUserId: "m2" }),
        { rotationId, start: "not a time" }, // junk is refused as forbidden, not as a validation error
      ]) {
        expect(await bookMeeting(db, actor, input, NOW)).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
    }
    expect(await countRows(db, meetings)).toBe(0);
    expect(await countRows(db, auditEvents)).toBe(auditBefore);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 0 });

    // An inactive user is nobody at all.
    await db.update(users).set({ active: false, role: "admin" }).where(eq(users.id, "no-perm"));
    expect(await loadActor(db, "no-perm")).toBeNull();
  });

  it("R4: only the host, the rep who booked or an admin may delete; a refusal changes nothing", async () => {
    const { db } = current();
    const { rotationId, book } = await rotationFixture(db, ["m1", "m2"]);
    const stranger = await actorFor(db, (await insertUser(db, { id: "stranger", canScheduleForOthers: true })).id);
    const meeting = unwrap(await book(slot(0)));
    expect(await deleteMeeting(db, stranger, meeting.meetingId)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 0 });
    expect(unwrap(await deleteMeeting(db, await actorFor(db, "m1"), meeting.meetingId)).deleted).toBe(true);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 0 });
  });

  it("R10: refuses an overlap with the host's meetings anywhere, or their busy blocks, as slot_taken", async () => {
    const { db } = current();
    const { rotationId, book, admin, contactId } = await rotationFixture(db, ["m1", "m2"]);
    const other = unwrap(await createRotation(db, admin, { name: "Renewals", userIds: ["m1", "m2"] })).rotationId;
    unwrap(await book(slot(0), "m1"));

    expect(await book(slot(0, 15), "m1")).toMatchObject({ ok: false, error: { code: "slot_taken" } });
    const viaOther = await bookMeeting(db, admin, bookingInput(contactId, slot(0, 10), { rotationId: other, hostUserId: "m1" }), NOW);
    expect(viaOther).toMatchObject({ ok: false, error: { code: "slot_taken" } });
    const ownCalendar = await bookMeeting(db, await actorFor(db, "m1"), bookingInput(contactId, slot(0, 20)), NOW);
    expect(ownCalendar).toMatchObject({ ok: false, error: { code: "slot_taken" } });

    await db.insert(busyBlocks).values({ userId: "m2", startsAt: new Date(slot(3)), endsAt: new Date(slot(4)) });
    expect(await book(slot(3, 15), "m2")).toMatchObject({ ok: false, error: { code: "slot_taken" } });
    // Back to back is not an overlap: [start, end) intervals.
    unwrap(await book(slot(1), "m1"));
    unwrap(await book(slot(4), "m2"));

    expect(await countRows(db, meetings)).toBe(3);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 2, m2: 1 });
    expect(await storedCounts(db, other)).toEqual({ m1: 0, m2: 0 });
    expect((await auditOf(db, "meeting_booked")).length).toBe(3);
  });

  it("R10: refuses a time outside the host's working hours, in their zone, and a time in the past", async () => {
    const { db } = current();
    const { rotationId, book } = await rotationFixture(db, [{ id: "ny", timeZone: "America/New_York" }, "utc"]);
    // Monday 09:00 UTC is 04:00 in New York.
    expect(await book(slot(0), "ny")).toMatchObject({ ok: false, error: { code: "outside_working_hours" } });
    // Monday 16:45 UTC: the 30-minute meeting would end after 17:00 for the UTC host.
    expect(await book(slot(15, 15), "utc")).toMatchObject({ ok: false, error: { code: "outside_working_hours" } });
    // Saturday is not a working day.
    expect(await book("2030-01-12T10:00:00Z", "utc")).toMatchObject({ ok: false, error: { code: "outside_working_hours" } });
    expect(await book("2030-01-06T11:30:00Z", "utc")).toMatchObject({ ok: false, error: { code: "in_the_past" } });
    expect(await countRows(db, meetings)).toBe(0);

    // 14:00 UTC is 09:00 in New York (EST, UTC−5 in January).
    expect(unwrap(await book("2030-01-07T14:00:00Z", "ny")).hostUserId).toBe("ny");
    expect(await expectCountsDerived(db, rotationId)).toEqual({ ny: 1, utc: 0 });
  });
});

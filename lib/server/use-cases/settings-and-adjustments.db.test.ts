import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { rotations } from "@/db/schema";
import { listMemberLedger } from "@/lib/server/queries/member-ledger";
import { auditOf, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";
import { adjustCount } from "./adjust-count";
import { markMeetingOutcome } from "./mark-meeting-outcome";
import { previewRotationSettings, updateRotationSettings } from "./update-rotation-settings";

describeEachDatabase("rotation settings (R14–R18) and manual adjustments (R13)", (current) => {
  it("saves only what changed, audits each change from → to, and refuses bad values with field errors", async () => {
    const { db } = current();
    const { rotationId, admin, rep } = await rotationFixture(db, ["m1"]);
    const saved = unwrap(await updateRotationSettings(db, admin, rotationId, { weeklyCap: 5, countWindow: "monthly", timeZone: "Europe/Berlin", dailyCap: null }));
    expect(saved.changed.sort()).toEqual(["countWindow", "timeZone", "weeklyCap"]);
    const [row] = await db.select().from(rotations).where(eq(rotations.id, rotationId));
    expect(row).toMatchObject({ weeklyCap: 5, countWindow: "monthly", timeZone: "Europe/Berlin", dailyCap: null, newcomerPolicy: "reset_everyone" });
    const [event] = await auditOf(db, "rotation_settings_changed");
    expect(event?.details).toEqual({ settings: { weeklyCap: { from: null, to: 5 }, countWindow: { from: "since_reset", to: "monthly" }, timeZone: { from: "UTC", to: "Europe/Berlin" } } });

    const bad = await updateRotationSettings(db, admin, rotationId, { weeklyCap: 0, timeZone: "Mars/Olympus", countWindow: "yearly" });
    expect(bad).toMatchObject({ ok: false, error: { code: "validation", fields: { weeklyCap: expect.any(Array), timeZone: expect.any(Array), countWindow: expect.any(Array) } } });
    expect(await updateRotationSettings(db, rep, rotationId, { weeklyCap: 1 })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await auditOf(db, "rotation_settings_changed")).toHaveLength(1);
  });

  it("R17: turning no-show counting off credits back every marked meeting, on restores it; the preview says so first with the figures", async () => {
    const { db } = current();
    const { rotationId, admin, rep, book } = await rotationFixture(db, ["m1", "m2"]);
    const a = unwrap(await book(slot(0), "m1"));
    unwrap(await book(slot(1), "m1"));
    unwrap(await book(slot(2), "m2"));
    unwrap(await markMeetingOutcome(db, rep, a.meetingId, { outcome: "no_show" }));

    const preview = unwrap(await previewRotationSettings(db, admin, rotationId, { countNoShows: false }));
    expect(preview.changes).toEqual([{ userId: "m1", name: "m1", from: 2, to: 1 }]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 2, m2: 1 }); // a preview writes nothing

    unwrap(await updateRotationSettings(db, admin, rotationId, { countNoShows: false }));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 1 });
    unwrap(await updateRotationSettings(db, admin, rotationId, { countNoShows: true }));
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 2, m2: 1 });
    expect(unwrap(await previewRotationSettings(db, admin, rotationId, { weeklyCap: 3 })).changes).toEqual([]);
  });

  it("R13: an admin adjusts a count with a reason; it never goes below zero; the member's entries list cause, who and why", async () => {
    const { db } = current();
    const { rotationId, admin, rep, book } = await rotationFixture(db, ["m1", "m2"]);
    unwrap(await book(slot(0), "m1"));
    expect(unwrap(await adjustCount(db, admin, rotationId, "m2", { delta: 3, reason: "Took calls by phone" })).count).toBe(3);
    expect(await adjustCount(db, admin, rotationId, "m1", { delta: -2, reason: "Too many" })).toMatchObject({ ok: false, error: { code: "validation", fields: { delta: ["The count is 1; it cannot go below 0."] } } });
    expect(await adjustCount(db, admin, rotationId, "m1", { delta: -1, reason: "" })).toMatchObject({ ok: false, error: { fields: { reason: expect.any(Array) } } });
    expect(await adjustCount(db, admin, rotationId, "m1", { delta: 0, reason: "x" })).toMatchObject({ ok: false, error: { fields: { delta: expect.any(Array) } } });
    expect(await adjustCount(db, rep, rotationId, "m1", { delta: 1, reason: "x" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await adjustCount(db, admin, rotationId, "ghost", { delta: 1, reason: "x" })).toMatchObject({ ok: false, error: { code: "not_a_member" } });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 3 });

    const ledger = unwrap(await listMemberLedger(db, admin, rotationId, "m2"));
    expect(ledger).toMatchObject({ name: "m2", count: 3, entries: [{ cause: "adjustment", label: "Manual adjustment", delta: 3, reason: "Took calls by phone", current: true }] });
    expect(ledger.entries[0]?.actorName).toBeTruthy();
    const booked = unwrap(await listMemberLedger(db, admin, rotationId, "m1"));
    expect(booked.entries).toMatchObject([{ cause: "meeting", delta: 1, meeting: { title: "Intro call" } }]);
    expect(await listMemberLedger(db, rep, rotationId, "m1")).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await auditOf(db, "count_adjusted")).map((e) => e.details)).toEqual([{ delta: 3, reason: "Took calls by phone", cause: "adjustment" }]);
  });
});

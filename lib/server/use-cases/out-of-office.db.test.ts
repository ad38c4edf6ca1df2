import { expect, it } from "vitest";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { listOutOfOffice, listRotationOutOfOffice } from "@/lib/server/queries/out-of-office";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor } from "@/test/factories";
import { unwrap } from "@/test/rotation-counts";
import { addOutOfOfficePeriod, deleteOutOfOfficePeriod } from "./out-of-office";

const NOW = new Date("2030-01-06T12:00:00Z");

describeEachDatabase("out-of-office periods (R16)", (current) => {
  it("a user sets their own period; a local time is read in their zone; the member is skipped with the reason during it and not after", async () => {
    const { db } = current();
    const { rotationId, admin } = await rotationFixture(db, ["m1", { id: "m2", timeZone: "Europe/Berlin" }]);
    const m2 = await actorFor(db, "m2");
    // Monday 7 January 09:00–11:00 in Berlin is 08:00–10:00 UTC.
    const { id } = unwrap(await addOutOfOfficePeriod(db, m2, { start: "2030-01-07T09:00", end: "2030-01-07T11:00", note: "Dentist" }, NOW));
    const [period] = unwrap(await listOutOfOffice(db, m2, {}, NOW));
    expect(period).toMatchObject({ id, userId: "m2", start: new Date("2030-01-07T08:00:00Z"), end: new Date("2030-01-07T10:00:00Z"), note: "Dentist", canDelete: true });

    const during = unwrap(await getProposal(db, admin, rotationId, { start: "2030-01-07T09:00:00Z" }));
    expect(during.ranking.members.find((m) => m.userId === "m2")).toMatchObject({ status: "out_of_office", reason: expect.stringMatching(/^Out of office until /) });
    const after = unwrap(await getProposal(db, admin, rotationId, { start: slot(4) }));
    expect(after.ranking.members.find((m) => m.userId === "m2")?.status).toBe("proposable");
    expect(unwrap(await listRotationOutOfOffice(db, admin, rotationId, NOW)).map((p) => p.userId)).toEqual(["m2"]);
  });

  it("refuses an end before the start, a period already over, an overlap, and someone else's period from a non-admin", async () => {
    const { db } = current();
    const { admin } = await rotationFixture(db, ["m1", "m2"]);
    const m1 = await actorFor(db, "m1");
    expect(await addOutOfOfficePeriod(db, m1, { start: "2030-01-08T10:00:00Z", end: "2030-01-08T09:00:00Z" }, NOW)).toMatchObject({ ok: false, error: { fields: { end: expect.any(Array) } } });
    expect(await addOutOfOfficePeriod(db, m1, { start: "2029-01-08T10:00:00Z", end: "2029-01-09T09:00:00Z" }, NOW)).toMatchObject({ ok: false, error: { fields: { end: expect.any(Array) } } });
    expect(await addOutOfOfficePeriod(db, m1, { start: "soon", end: "later" }, NOW)).toMatchObject({ ok: false, error: { fields: { start: expect.any(Array), end: expect.any(Array) } } });
    unwrap(await addOutOfOfficePeriod(db, m1, { start: "2030-01-08T00:00:00Z", end: "2030-01-10T00:00:00Z" }, NOW));
    expect(await addOutOfOfficePeriod(db, m1, { start: "2030-01-09T00:00:00Z", end: "2030-01-11T00:00:00Z" }, NOW)).toMatchObject({ ok: false, error: { fields: { start: ["This overlaps another out-of-office period."] } } });
    expect(await addOutOfOfficePeriod(db, m1, { userId: "m2", start: "2030-01-08T00:00:00Z", end: "2030-01-09T00:00:00Z" }, NOW)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await listOutOfOffice(db, m1, { userId: "m2" }, NOW)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // An admin sets anyone's.
    unwrap(await addOutOfOfficePeriod(db, admin, { userId: "m2", start: "2030-01-08T00:00:00Z", end: "2030-01-09T00:00:00Z" }, NOW));
    expect(unwrap(await listOutOfOffice(db, admin, {}, NOW))).toHaveLength(2);
    expect(unwrap(await listOutOfOffice(db, m1, {}, NOW))).toHaveLength(1);
  });

  it("the user or an admin deletes a period; another rep cannot; deleting twice is not an error", async () => {
    const { db } = current();
    const { admin } = await rotationFixture(db, ["m1", "m2"]);
    const [m1, m2] = [await actorFor(db, "m1"), await actorFor(db, "m2")];
    const { id } = unwrap(await addOutOfOfficePeriod(db, m1, { start: "2030-01-08T00:00:00Z", end: "2030-01-09T00:00:00Z" }, NOW));
    expect(await deleteOutOfOfficePeriod(db, m2, id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(unwrap(await deleteOutOfOfficePeriod(db, admin, id))).toEqual({ deleted: true });
    expect(unwrap(await deleteOutOfOfficePeriod(db, m1, id))).toEqual({ deleted: false });
    expect(unwrap(await listOutOfOffice(db, m1, {}, NOW))).toEqual([]);
  });
});

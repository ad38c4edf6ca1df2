import { describe, expect, it } from "vitest";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { NOW, bookingInput, codes, overlappingPairs, rotationFixture } from "@/test/booking-fixture";
import { testDatabaseKinds, useTwoInstances } from "@/test/db";
import { ALWAYS_WORKING } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

// Two rotations share their members. Each books under its own rotation's lock, so both can
// rank the same member first for the same time; the exclusion constraint refuses the second
// insert. Auto-assign promises "the fairest member who is free at that time" (R11, §6), so
// that refusal must lead to another free member, never to a 409. Only PostgreSQL runs the two
// rotations' transactions at once.
const MONDAY_MIDNIGHT = Date.parse("2030-01-07T00:00:00Z");
const at = (halfHours: number) => new Date(MONDAY_MIDNIGHT + halfHours * 1_800_000).toISOString();
const MEMBERS = ["m1", "m2", "m3", "m4"].map((id) => ({ id, workingHours: ALWAYS_WORKING }));

describe.runIf(testDatabaseKinds().includes("postgres"))("auto-assign through rotations that share members [postgres]", () => {
  const { db, other } = useTwoInstances();

  it("R11: 200 pairs of simultaneous auto-assigned bookings, one per rotation at the same time, all land while members are free", async () => {
    const { rotationId: inbound, admin, rep, contactId } = await rotationFixture(db(), MEMBERS);
    const renewals = unwrap(await createRotation(db(), admin, { name: "Renewals", userIds: MEMBERS.map((m) => m.id) })).rotationId;
    // Each pair: the same half hour through both rotations, from two instances at once, one
    // pair after another so that each booking is a batch of its own. The two rotations' counts
    // move alike, so both rank the same member first nearly every time. Four members are free
    // at every time, so two bookings always fit.
    const results = [];
    for (let i = 0; i < 200; i++) {
      results.push(
        ...(await Promise.all([
          bookMeeting(db(), rep, bookingInput(contactId, at(i), { rotationId: inbound }), NOW),
          bookMeeting(other(), rep, bookingInput(contactId, at(i), { rotationId: renewals }), NOW),
        ])),
      );
    }
    expect(codes(results)).toEqual({ ok: 400 });
    expect(await overlappingPairs(db())).toBe(0);
    await expectCountsDerived(db(), inbound);
    await expectCountsDerived(db(), renewals);
  });
});

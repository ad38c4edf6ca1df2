import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { idempotencyKeys, meetings } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import { bookMeeting, type BookedMeeting } from "@/lib/server/booking/book-meeting";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { NOW, bookingInput, countRows, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";

const codeOf = (r: Result<BookedMeeting>) => (r.ok ? "ok" : r.error.code);

describeEachDatabase("C7: bookings with an Idempotency-Key", (current) => {
  async function setup() {
    const { db } = current();
    const fixture = await rotationFixture(db, ["m1", "m2", "m3"]);
    const send = (key: string, start = slot(0), hostUserId?: string) =>
      bookMeeting(db, fixture.rep, bookingInput(fixture.contactId, start, { rotationId: fixture.rotationId, hostUserId }), NOW, { idempotencyKey: key });
    return { db, ...fixture, send };
  }

  it("a booking whose answer was lost, sent again with its key, books once and answers the same meeting", async () => {
    const { db, rotationId, send } = await setup();
    const first = unwrap(await send("attempt-1"));
    const again = unwrap(await send("attempt-1"));
    expect(again).toMatchObject({ meetingId: first.meetingId, hostUserId: first.hostUserId, startsAt: first.startsAt, endsAt: first.endsAt, isOverride: false, proposedHostUserId: first.proposedHostUserId, replayed: true });
    expect(first.replayed).toBeUndefined();
    expect(await countRows(db, meetings)).toBe(1);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 0, m3: 0 });
  });

  it("the same key sent by many at once books once: the rest get that meeting or are told it is in progress", async () => {
    const { db, send } = await setup();
    const results = await Promise.all(Array.from({ length: 8 }, () => send("burst")));
    const booked = results.filter((r) => r.ok).map((r) => (r.ok ? r.value.meetingId : ""));
    expect(new Set(booked).size).toBe(1);
    expect(results.every((r) => r.ok || r.error.code === "idempotency_key_in_use")).toBe(true);
    expect(await countRows(db, meetings)).toBe(1);
  });

  it("the same key with another body is refused with 422 and writes nothing", async () => {
    const { db, send } = await setup();
    unwrap(await send("k"));
    const other = await send("k", slot(3));
    expect(codeOf(other)).toBe("idempotency_key_reused");
    expect(await countRows(db, meetings)).toBe(1);
  });

  it("a booking that committed while its answer and claim were lost (the database went away) is found, not booked twice", async () => {
    const { db, send } = await setup();
    const first = unwrap(await send("outage"));
    await db.delete(idempotencyKeys);
    expect(unwrap(await send("outage"))).toMatchObject({ meetingId: first.meetingId, replayed: true });
    expect(await countRows(db, meetings)).toBe(1);
  });

  it("a refusal is the first answer too: a retry gets it even once the time is free", async () => {
    const { db, send, book, admin } = await setup();
    const taken = unwrap(await book(slot(0), "m2"));
    expect(codeOf(await send("late", slot(0), "m2"))).toBe("slot_taken");
    unwrap(await deleteMeeting(db, admin, taken.meetingId));
    expect(codeOf(await send("late", slot(0), "m2"))).toBe("slot_taken");
    expect(codeOf(await send("fresh", slot(0), "m2"))).toBe("ok");
  });

  it("a claim abandoned by an attempt that died is taken over by its retry; a key older than a day is forgotten", async () => {
    const { db, rep, send } = await setup();
    unwrap(await send("old"));
    // A claim a crashed attempt left behind a few minutes ago, with the body the retry sends.
    const hash = await db.select({ h: idempotencyKeys.requestHash }).from(idempotencyKeys);
    await db.insert(idempotencyKeys).values({ userId: rep.id, key: "crashed", requestHash: hash[0]?.h ?? "", createdAt: sql`now() - interval '5 minutes'` });
    expect(codeOf(await send("crashed"))).toBe("ok");
    // The same body's fingerprint, but a claim still young: in progress.
    await db.insert(idempotencyKeys).values({ userId: rep.id, key: "running", requestHash: hash[0]?.h ?? "" });
    expect(codeOf(await send("running"))).toBe("idempotency_key_in_use");
    // A day later the first key is forgotten: the same key books again (another time, or it would clash).
    await db.execute(sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'old'`);
    await db.execute(sql`update meetings set created_at = now() - interval '25 hours' where idempotency_key = 'old'`);
    expect(codeOf(await send("old", slot(5)))).toBe("ok");
  });

  it("refuses a key that is not 1–255 printable ASCII characters, booking nothing", async () => {
    const { db, send } = await setup();
    for (const key of ["", "a b", "é", "x".repeat(256)]) expect(codeOf(await send(key))).toBe("validation");
    expect(await countRows(db, meetings)).toBe(0);
  });
});

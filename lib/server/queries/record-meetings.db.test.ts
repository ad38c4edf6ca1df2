import { expect, it } from "vitest";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { unwrap } from "@/test/rotation-counts";
import { listRecordMeetings } from "./record-meetings";

describeEachDatabase("a record's meeting timeline", (current) => {
  it("lists the latest start first, whatever order the meetings were booked in", async () => {
    const { db } = current();
    const { book, contactId } = await rotationFixture(db, ["m1"]);
    // Booked out of order, so neither insertion order nor id order can pass for start order.
    for (const n of [2, 0, 3, 1]) unwrap(await book(slot(n * 2)));
    const timeline = await listRecordMeetings(db, "contact", contactId);
    expect(timeline.map((m) => m.startsAt.toISOString())).toEqual([slot(6), slot(4), slot(2), slot(0)]);
  });
});

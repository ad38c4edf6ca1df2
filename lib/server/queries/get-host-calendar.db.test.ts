import { expect, it } from "vitest";
import { busyBlocks } from "@/db/schema";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { getHostCalendar, MAX_CALENDAR_DAYS } from "@/lib/server/queries/get-host-calendar";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertContact, insertUser } from "@/test/factories";
import { unwrap } from "@/test/rotation-counts";

/** Sunday 2030-01-06 12:00 UTC; the week after is Monday 7 to Friday 11. */
const NOW = new Date("2030-01-06T12:00:00Z");
const MONDAY = "2030-01-07T00:00:00Z";
const SATURDAY = "2030-01-12T00:00:00Z";

describeEachDatabase("a person's calendar (busy time and free slots)", (current) => {
  async function fixture() {
    const { db } = current();
    const host = await actorFor(db, (await insertUser(db, { id: "host" })).id);
    const colleague = await actorFor(db, (await insertUser(db, { id: "colleague" })).id);
    await db.insert(busyBlocks).values({ userId: "host", summary: "Dentist", startsAt: new Date("2030-01-07T09:00:00Z"), endsAt: new Date("2030-01-07T10:00:00Z") });
    const contactId = await insertContact(db);
    unwrap(await bookMeeting(db, host, { recordType: "contact", recordId: contactId, title: "Board review", start: "2030-01-08T13:00:00Z", durationMinutes: 60 }, NOW));
    return { db, host, colleague };
  }

  it("shows colleagues when someone is busy, not with what; shows the owner their titles", async () => {
    const { db, host, colleague } = await fixture();
    const seen = unwrap(await getHostCalendar(db, colleague, "host", { from: MONDAY, to: SATURDAY }, NOW));
    expect(seen.busy.map((b) => [b.kind, b.title, b.start.toISOString()])).toEqual([
      ["busy", null, "2030-01-07T09:00:00.000Z"],
      ["meeting", null, "2030-01-08T13:00:00.000Z"],
    ]);
    const own = unwrap(await getHostCalendar(db, host, "host", { from: MONDAY, to: SATURDAY }, NOW));
    expect(own.busy.map((b) => b.title)).toEqual(["Dentist", "Board review"]);
  });

  it("offers free slots of the asked length inside working hours, clear of busy time", async () => {
    const { db, colleague } = await fixture();
    const calendar = unwrap(await getHostCalendar(db, colleague, "host", { from: MONDAY, to: SATURDAY, durationMinutes: "60" }, NOW));
    expect(calendar.durationMinutes).toBe(60);
    const monday = calendar.free.filter((s) => s.start.toISOString().startsWith("2030-01-07")).map((s) => s.start.toISOString().slice(11, 16));
    // 09:00–17:00 UTC, hourly meetings every half hour, 09:00–10:00 taken.
    expect(monday).toEqual(["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00"]);
    expect(calendar.free.some((s) => s.start < new Date("2030-01-08T14:00:00Z") && s.end > new Date("2030-01-08T13:00:00Z"))).toBe(false);
    expect(calendar.free).toHaveLength(5 * 15 - 2 - 3);
  });

  it("defaults to a week from now and 30 minutes, and bounds the range", async () => {
    const { db, colleague } = await fixture();
    const calendar = unwrap(await getHostCalendar(db, colleague, "host", {}, NOW));
    expect([calendar.from, calendar.to, calendar.durationMinutes]).toEqual([NOW, new Date("2030-01-13T12:00:00Z"), 30]);
    const tooLong = await getHostCalendar(db, colleague, "host", { from: MONDAY, to: new Date(Date.parse(MONDAY) + (MAX_CALENDAR_DAYS + 1) * 86_400_000).toISOString() }, NOW);
    expect(tooLong).toMatchObject({ ok: false, error: { code: "validation", fields: { to: [expect.any(String)] } } });
    for (const query of [{ from: SATURDAY, to: MONDAY }, { from: "2030-01-07" }, { durationMinutes: "20" }, { week: "1" }, { to: "2020-01-01T00:00:00Z" }, { from: "9999-12-31T00:00:00Z" }, { from: "1999-12-31T23:59:59Z" }]) {
      expect(await getHostCalendar(db, colleague, "host", query, NOW), JSON.stringify(query)).toMatchObject({ ok: false, error: { code: "validation" } });
    }
  });

  it("answers user_not_found for unknown or impossible ids", async () => {
    const { db, colleague } = await fixture();
    for (const id of ["nobody", "", "x".repeat(101), "a\u0000b"]) {
      expect(await getHostCalendar(db, colleague, id, {}, NOW), id).toMatchObject({ ok: false, error: { code: "user_not_found" } });
    }
  });
});

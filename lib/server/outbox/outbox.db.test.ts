import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { calendarConnections, contacts, meetings, outboxMessages } from "@/db/schema";
import { sealConnectionSecret } from "@/lib/server/calendar/connection-secrets";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { reassignMeeting } from "@/lib/server/use-cases/reassign-meeting";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { unwrap } from "@/test/rotation-counts";

async function connectCaldav(db: Database, userId: string): Promise<string> {
  const [row] = await db
    .insert(calendarConnections)
    .values({ userId, kind: "caldav", serverUrl: "https://dav.example.test/", username: userId, calendarUrl: `https://dav.example.test/${userId}/work/`, calendarName: "Work", secretCiphertext: sealConnectionSecret(userId, "pw") })
    .returning({ id: calendarConnections.id });
  return row!.id;
}

async function outbox(db: Database) {
  const rows = await db.select().from(outboxMessages).orderBy(outboxMessages.createdAt, outboxMessages.kind, outboxMessages.recipient);
  return rows.map((r) => ({ ...r, method: (r.payload as { method?: string }).method, ics: (r.payload as { ics?: string }).ics }));
}

function eventOf(ics: string) {
  const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
  return { uid: vevent.getFirstPropertyValue("uid"), sequence: Number(vevent.getFirstPropertyValue("sequence") ?? 0), status: vevent.getFirstPropertyValue("status") };
}

describeEachDatabase("outbox written with the change (C4, C5)", (current) => {
  it("a booking owes the host's CalDAV calendar the event and a REQUEST to the host and each attendee with an address", async () => {
    const { db } = current();
    const { book, contactId } = await rotationFixture(db, ["m1", "m2"]);
    await db.update(contacts).set({ email: "ada@prospect.test" }).where(eq(contacts.id, contactId));
    const connectionId = await connectCaldav(db, "m1");
    const booked = unwrap(await book(slot(0), "m1"));

    const rows = await outbox(db);
    expect(rows.map((r) => [r.kind, r.recipient, r.method ?? null])).toEqual(
      expect.arrayContaining([
        ["calendar_put", "m1@example.test", null],
        ["email", "m1@example.test", "REQUEST"],
        ["email", "ada@prospect.test", "REQUEST"],
      ]),
    );
    expect(rows).toHaveLength(3);
    const put = rows.find((r) => r.kind === "calendar_put")!;
    expect(put).toMatchObject({ connectionId, meetingId: booked.meetingId, status: "pending" });
    // The event in the calendar has no METHOD (a stored object, not a message) and the meeting's id as UID.
    expect(put.ics).not.toMatch(/^METHOD:/m);
    expect(eventOf(put.ics!)).toMatchObject({ uid: booked.meetingId, sequence: 0 });
    for (const mail of rows.filter((r) => r.kind === "email")) expect(eventOf(mail.ics!)).toMatchObject({ uid: booked.meetingId, sequence: 0 });
  });

  it("a host without a CalDAV connection gets mail only; a refused booking writes nothing", async () => {
    const { db } = current();
    const { book } = await rotationFixture(db, ["m1"]);
    unwrap(await book(slot(0), "m1"));
    expect((await outbox(db)).map((r) => r.kind)).toEqual(["email"]);
    const refused = await book(slot(0), "m1");
    expect(refused.ok).toBe(false);
    expect(await outbox(db)).toHaveLength(1);
  });

  it("deleting sends CANCEL with a higher SEQUENCE and removes the calendar event; deleting again sends nothing", async () => {
    const { db } = current();
    const { book, rep, contactId } = await rotationFixture(db, ["m1"]);
    await db.update(contacts).set({ email: "ada@prospect.test" }).where(eq(contacts.id, contactId));
    await connectCaldav(db, "m1");
    const booked = unwrap(await book(slot(0), "m1"));
    unwrap(await deleteMeeting(db, rep, booked.meetingId));
    unwrap(await deleteMeeting(db, rep, booked.meetingId));

    const rows = await outbox(db);
    const cancels = rows.filter((r) => r.method === "CANCEL");
    expect(cancels.map((r) => r.recipient).sort()).toEqual(["ada@prospect.test", "m1@example.test"]);
    for (const c of cancels) expect(eventOf(c.ics!)).toMatchObject({ uid: booked.meetingId, sequence: 1, status: "CANCELLED" });
    expect(rows.filter((r) => r.kind === "calendar_delete")).toHaveLength(1);
    // The put nobody delivered yet is superseded: a late put must not bring the event back.
    expect(rows.find((r) => r.kind === "calendar_put")?.status).toBe("canceled");
    const [meeting] = await db.select({ sequence: meetings.sequence }).from(meetings).where(eq(meetings.id, booked.meetingId));
    expect(meeting?.sequence).toBe(1);
  });

  it("reassigning cancels for the old host and invites the new host and the attendees again with SEQUENCE + 1", async () => {
    const { db } = current();
    const { book, admin, contactId } = await rotationFixture(db, ["m1", "m2"]);
    await db.update(contacts).set({ email: "ada@prospect.test" }).where(eq(contacts.id, contactId));
    const oldConnection = await connectCaldav(db, "m1");
    const newConnection = await connectCaldav(db, "m2");
    const booked = unwrap(await book(slot(0), "m1"));
    const before = (await outbox(db)).length;
    unwrap(await reassignMeeting(db, admin, booked.meetingId, { to: "m2", reason: "Speaks German" }));

    const added = (await outbox(db)).slice(before);
    expect(added.map((r) => [r.kind, r.recipient, r.method ?? null]).sort()).toEqual(
      [
        ["calendar_delete", "m1@example.test", null],
        ["calendar_put", "m2@example.test", null],
        ["email", "ada@prospect.test", "REQUEST"],
        ["email", "m1@example.test", "CANCEL"],
        ["email", "m2@example.test", "REQUEST"],
      ].sort(),
    );
    expect(added.find((r) => r.kind === "calendar_delete")?.connectionId).toBe(oldConnection);
    expect(added.find((r) => r.kind === "calendar_put")?.connectionId).toBe(newConnection);
    for (const r of added.filter((m) => m.ics)) expect(eventOf(r.ics!).sequence).toBe(1);
  });
});

import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { meetings, rotationMembers, rotations } from "@/db/schema";
import { auditOf, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertRep } from "@/test/factories";
import { expectCountsDerived, unwrap } from "@/test/rotation-counts";
import { markMeetingOutcome } from "./mark-meeting-outcome";
import { reassignMeeting, reassignUpcomingMeetings } from "./reassign-meeting";

async function lastScheduledSeq(db: Database, rotationId: string, userId: string) {
  const rows = await db.select({ seq: rotationMembers.lastScheduledSeq, userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
  return rows.find((r) => r.userId === userId)?.seq ?? null;
}

describeEachDatabase("meeting outcome (R17) and reassignment (R19)", (current) => {
  it("R17: with no-shows counting, marking changes no count; when they do not, no-show credits back and undo restores", async () => {
    const { db } = current();
    const { rotationId, book, rep } = await rotationFixture(db, ["m1", "m2"]);
    const booked = unwrap(await book(slot(0), "m1"));
    const marked = unwrap(await markMeetingOutcome(db, rep, booked.meetingId, { outcome: "no_show" }));
    expect(marked.countChange).toBe(0);
    expect(await expectCountsDerived(db, rotationId)).toMatchObject({ m1: 1 });

    await db.update(rotations).set({ countNoShows: false }).where(eq(rotations.id, rotationId));
    const second = unwrap(await book(slot(2), "m1"));
    expect(await expectCountsDerived(db, rotationId)).toMatchObject({ m1: 2 });
    expect(unwrap(await markMeetingOutcome(db, rep, second.meetingId, { outcome: "canceled_by_contact" })).countChange).toBe(-1);
    expect(await expectCountsDerived(db, rotationId)).toMatchObject({ m1: 1 });
    // Switching between two credited outcomes credits nothing twice.
    expect(unwrap(await markMeetingOutcome(db, rep, second.meetingId, { outcome: "no_show" })).countChange).toBe(0);
    expect(unwrap(await markMeetingOutcome(db, rep, second.meetingId, { outcome: null })).countChange).toBe(1);
    expect(await expectCountsDerived(db, rotationId)).toMatchObject({ m1: 2 });
    expect((await auditOf(db, "meeting_outcome_marked")).map((e) => e.details)).toContainEqual({ title: "Intro call", outcome: "canceled_by_contact", creditedBack: true });
    expect(await auditOf(db, "meeting_outcome_cleared")).toHaveLength(1);
  });

  it("R17: only the host, the booker or an admin may mark; a bad outcome is a field error; a deleted meeting is refused", async () => {
    const { db } = current();
    const { book, admin } = await rotationFixture(db, ["m1"]);
    const booked = unwrap(await book(slot(0)));
    const stranger = await actorFor(db, (await insertRep(db, { id: "stranger" })).id);
    expect(await markMeetingOutcome(db, stranger, booked.meetingId, { outcome: "completed" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await markMeetingOutcome(db, admin, booked.meetingId, { outcome: "maybe" })).toMatchObject({ ok: false, error: { code: "validation", fields: { outcome: expect.any(Array) } } });
    const host = await actorFor(db, "m1");
    expect(unwrap(await markMeetingOutcome(db, host, booked.meetingId, { outcome: "completed" })).outcome).toBe("completed");
    await db.update(meetings).set({ deletedAt: new Date() }).where(eq(meetings.id, booked.meetingId));
    expect(await markMeetingOutcome(db, admin, booked.meetingId, { outcome: null })).toMatchObject({ ok: false, error: { code: "meeting_deleted" } });
  });

  it("R19: a reassigned meeting counts for the new host instead (old −1, new +1), who becomes the most recently scheduled; audited with the reason", async () => {
    const { db } = current();
    const { rotationId, book, admin } = await rotationFixture(db, ["m1", "m2", "m3"]);
    const first = unwrap(await book(slot(0), "m1"));
    unwrap(await book(slot(1), "m2"));
    const moved = unwrap(await reassignMeeting(db, admin, first.meetingId, { to: "m3", reason: "Speaks German" }));
    expect(moved).toMatchObject({ fromUserId: "m1", toUserId: "m3" });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 1, m3: 1 });
    expect(await lastScheduledSeq(db, rotationId, "m3")).toBeGreaterThan((await lastScheduledSeq(db, rotationId, "m2")) ?? 0);
    const [event] = await auditOf(db, "meeting_reassigned");
    expect(event).toMatchObject({ subjectUserId: "m1", chosenHostUserId: "m3", details: { reason: "Speaks German", toNextInRotation: false } });
  });

  it("R19: next in rotation is who the rule proposes at the meeting's time without the current host", async () => {
    const { db } = current();
    const { rotationId, book, admin } = await rotationFixture(db, ["m1", "m2", "m3"]);
    unwrap(await book(slot(0), "m2"));
    const meeting = unwrap(await book(slot(2), "m1"));
    // m3 has the fewest meetings; m1 (the host) is left out.
    expect(unwrap(await reassignMeeting(db, admin, meeting.meetingId, { to: "next", reason: "Leaving" })).toUserId).toBe("m3");
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 1, m3: 1 });
  });

  it("R19: refusals write nothing: no reason, the host themself, a non-member, a busy or out-of-office member, a rep who is not the host", async () => {
    const { db } = current();
    const { rotationId, book, admin, rep } = await rotationFixture(db, ["m1", "m2"]);
    const meeting = unwrap(await book(slot(0), "m1"));
    unwrap(await book(slot(0), "m2"));
    expect(await reassignMeeting(db, admin, meeting.meetingId, { to: "m2", reason: " " })).toMatchObject({ ok: false, error: { code: "validation", fields: { reason: expect.any(Array) } } });
    expect(await reassignMeeting(db, admin, meeting.meetingId, { to: "m1", reason: "x" })).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await reassignMeeting(db, admin, meeting.meetingId, { to: "nobody", reason: "x" })).toMatchObject({ ok: false, error: { code: "not_a_member" } });
    expect(await reassignMeeting(db, admin, meeting.meetingId, { to: "m2", reason: "x" })).toMatchObject({ ok: false, error: { code: "slot_taken" } });
    expect(await reassignMeeting(db, admin, meeting.meetingId, { to: "next", reason: "x" })).toMatchObject({ ok: false, error: { code: "no_member_free" } });
    expect(await reassignMeeting(db, rep, meeting.meetingId, { to: "next", reason: "x" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 1, m2: 1 });
    expect(await auditOf(db, "meeting_reassigned")).toHaveLength(0);
  });

  it("R19: reassigning all upcoming meetings of a member moves each, in start order, to next in rotation at its time", async () => {
    const { db } = current();
    const { rotationId, book, admin } = await rotationFixture(db, ["m1", "m2", "m3"]);
    for (const n of [0, 2, 4, 6]) unwrap(await book(slot(n), "m1"));
    const result = unwrap(await reassignUpcomingMeetings(db, admin, rotationId, "m1", { reason: "Left the team" }, new Date("2030-01-06T12:00:00Z")));
    expect(result.reassigned.map((r) => r.toUserId)).toEqual(["m2", "m3", "m2", "m3"]);
    expect(result.kept).toEqual([]);
    expect(await expectCountsDerived(db, rotationId)).toEqual({ m1: 0, m2: 2, m3: 2 });
    const rep = await actorFor(db, "m2");
    expect(await reassignUpcomingMeetings(db, rep, rotationId, "m1", { reason: "x" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});

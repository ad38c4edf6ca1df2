import { describe, expect, it } from "vitest";
import type { RankingCandidate } from "@/lib/domain/ranking";
import type { Result } from "@/lib/domain/result";
import { decideRotationBookings, type BookingDecision, type BookingRequest, type HostCalendar } from "@/lib/domain/decide-rotation-bookings";
import { ALWAYS_WORKING } from "@/test/factories";

const t = (minutes: number) => new Date(Date.UTC(2030, 0, 7) + minutes * 60_000); // Monday 00:00 UTC
const NOW = t(-60 * 24);
const slot = (halfHours: number) => ({ start: t(9 * 60 + halfHours * 30), end: t(9 * 60 + halfHours * 30 + 30) });

function member(userId: string, over: Partial<RankingCandidate> = {}): RankingCandidate {
  return { userId, name: `User ${userId}`, ineligibleReasons: [], available: true, count: 0, lastScheduledAt: null, joinedAt: t(-100_000), weight: 1, ...over };
}

function calendars(ids: string[], over: Record<string, Partial<HostCalendar>> = {}): Map<string, HostCalendar> {
  return new Map(ids.map((id) => [id, { timeZone: "UTC", workingHours: ALWAYS_WORKING, busy: [], ...over[id] }]));
}

function assignAll(candidates: RankingCandidate[], requests: BookingRequest[], cals = calendars(candidates.map((c) => c.userId)), lastBookingSeq = 0): Result<BookingDecision>[] {
  return decideRotationBookings({ candidates, mode: "even", calendars: cals, now: NOW, lastBookingSeq }, requests).map((d) => d.decision);
}

const hostOf = (r: Result<BookingDecision>) => (r.ok ? r.value.host : r.error.code);

describe("decideRotationBookings", () => {
  it("R6, R8: decides a queue as if booked one after another: each sees the counts and recency the earlier ones left", async () => {
    // m2 was scheduled before m3; m1 already has one meeting.
    const candidates = [member("m1", { count: 1, lastScheduledAt: t(-3000) }), member("m2", { lastScheduledAt: t(-2000) }), member("m3", { lastScheduledAt: t(-1500) })];
    const results = assignAll(candidates, [{ interval: slot(0), hostUserId: "m3" }, { interval: slot(1) }, { interval: slot(2) }, { interval: slot(3) }]);
    // The override makes m3 more recent than m2, so once all have one meeting m3 comes before m2
    // only if recency was updated in between: m1 (oldest), then m3 (overridden first), then m2.
    expect(results.map(hostOf)).toEqual(["m3", "m2", "m1", "m3"]);
    expect(results.map((r) => r.ok && r.value.isOverride)).toEqual([true, false, false, false]);
    expect(results[0]?.ok && results[0].value.ranking.proposed?.userId).toBe("m2");
  });

  it("R8: numbers the bookings after the rotation's latest, in the order decided; a refusal takes no number", async () => {
    const results = assignAll([member("m1"), member("m2")], [{ interval: slot(0) }, { interval: slot(0), hostUserId: "x9" }, { interval: slot(1) }], undefined, 41);
    expect(results.map((r) => (r.ok ? r.value.seq : r.error.code))).toEqual([42, "not_a_member", 43]);
  });

  it("R8: bookings decided together share a creation time, and their numbers order the next ranking", async () => {
    // m1 and m2 both booked in this batch at the same instant; m3 was scheduled long ago.
    const results = assignAll([member("m1"), member("m2"), member("m3", { count: 1, lastScheduledAt: t(-5000), lastScheduledSeq: 7 })], [{ interval: slot(0) }, { interval: slot(1) }, { interval: slot(2) }, { interval: slot(3) }], undefined, 7);
    // After m1 (seq 8) and m2 (seq 9) all have count 1: m3 (seq 7) is least recent, then m1.
    expect(results.map(hostOf)).toEqual(["m1", "m2", "m3", "m1"]);
    const fourth = results[3];
    expect(fourth?.ok && fourth.value.ranking.members.map((m) => [m.userId, m.lastScheduledSeq])).toEqual([["m1", 8], ["m2", 9], ["m3", 10]]);
  });

  it("R10, R11: a time taken earlier in the queue is busy for later bookings", async () => {
    const results = assignAll([member("m1"), member("m2")], [{ interval: slot(0) }, { interval: slot(0) }, { interval: slot(0) }, { interval: slot(0), hostUserId: "m1" }]);
    expect(results.map(hostOf)).toEqual(["m1", "m2", "no_member_available", "slot_taken"]);
  });

  it("R11: skips members busy in their calendar or outside their working hours; a chosen host is refused instead", async () => {
    const cals = calendars(["m1", "m2", "m3"], {
      m1: { busy: [{ start: t(9 * 60 + 15), end: t(9 * 60 + 45) }] },
      m2: { timeZone: "Asia/Tokyo", workingHours: { weekdays: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" } },
    });
    const results = assignAll([member("m1"), member("m2"), member("m3")], [{ interval: slot(0) }, { interval: slot(0), hostUserId: "m1" }, { interval: slot(0), hostUserId: "m2" }], cals);
    expect(results.map(hostOf)).toEqual(["m3", "slot_taken", "outside_working_hours"]);
  });

  it("R3, R5: refuses hosts who are not members, not eligible or unavailable, and a refusal changes nothing for the next", async () => {
    const candidates = [member("m1", { ineligibleReasons: ["no_seat"] }), member("m2", { available: false }), member("m3"), member("m4")];
    const results = assignAll(candidates, [
      { interval: slot(0), hostUserId: "m1" },
      { interval: slot(0), hostUserId: "m2" },
      { interval: slot(0), hostUserId: "x9" },
      { interval: slot(0) },
      { interval: slot(1) },
    ]);
    expect(results.map(hostOf)).toEqual(["not_eligible", "member_unavailable", "not_a_member", "m3", "m4"]);
  });

  it("R8w: weighted rotations share a queue by weight", async () => {
    const requests = [0, 1, 2, 3, 4, 5].map((i) => ({ interval: slot(i) }));
    const hosts = decideRotationBookings({ candidates: [member("m1", { weight: 2 }), member("m2")], mode: "weighted", calendars: calendars(["m1", "m2"]), now: NOW, lastBookingSeq: 0 }, requests).map((d) => hostOf(d.decision));
    expect(hosts.filter((h) => h === "m1")).toHaveLength(4);
    expect(hosts.filter((h) => h === "m2")).toHaveLength(2);
  });
});

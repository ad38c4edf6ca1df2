import { describe, expect, it } from "vitest";
import type { RankingCandidate } from "@/lib/domain/ranking";
import type { Result } from "@/lib/domain/result";
import { createRotationLedger, type Assignment, type HostCalendar, type SeatRequest } from "@/lib/domain/rotation-ledger";
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

function assignAll(candidates: RankingCandidate[], requests: SeatRequest[], cals = calendars(candidates.map((c) => c.userId))): Result<Assignment>[] {
  const ledger = createRotationLedger({ candidates, mode: "even", calendars: cals, now: NOW });
  return requests.map((r) => ledger.assign(r));
}

const hostOf = (r: Result<Assignment>) => (r.ok ? r.value.host : r.error.code);

describe("createRotationLedger", () => {
  it("R6, R8: decides a queue as if booked one after another: each sees the counts and recency the earlier ones left", async () => {
    // m2 was scheduled before m3; m1 already has one meeting.
    const candidates = [member("m1", { count: 1, lastScheduledAt: t(-300) }), member("m2", { lastScheduledAt: t(-200) }), member("m3", { lastScheduledAt: t(-100) })];
    const results = assignAll(candidates, [{ interval: slot(0), hostUserId: "m3" }, { interval: slot(1) }, { interval: slot(2) }, { interval: slot(3) }]);
    // The override makes m3 more recent than m2, so once all have one meeting m3 comes before m2
    // only if recency was updated in between: m1 (oldest), then m3 (overridden first), then m2.
    expect(results.map(hostOf)).toEqual(["m3", "m2", "m1", "m3"]);
    expect(results.map((r) => r.ok && r.value.isOverride)).toEqual([true, false, false, false]);
    expect(results[0]?.ok && results[0].value.ranking.proposed?.userId).toBe("m2");
  });

  it("R8: gives each booking its own millisecond, after every recency in the rotation and not before now", async () => {
    const future = new Date(NOW.getTime() + 5_000.5);
    const results = assignAll([member("m1", { lastScheduledAt: future }), member("m2"), member("m3")], [0, 1, 2, 3].map((i) => ({ interval: slot(i) })));
    const times = results.map((r) => (r.ok ? r.value.bookedAt.getTime() : Number.NaN));
    expect(times[0]).toBe(Math.floor(future.getTime()) + 1);
    expect(times.slice(1).map((time, i) => time - (times[i] ?? 0))).toEqual([1, 1, 1]);

    const [first] = assignAll([member("m1", { lastScheduledAt: t(-2000) })], [{ interval: slot(0) }]);
    expect(first?.ok && first.value.bookedAt.getTime()).toBe(NOW.getTime());
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
    const ledger = createRotationLedger({ candidates: [member("m1", { weight: 2 }), member("m2")], mode: "weighted", calendars: calendars(["m1", "m2"]), now: NOW });
    const hosts = [0, 1, 2, 3, 4, 5].map((i) => hostOf(ledger.assign({ interval: slot(i) })));
    expect(hosts.filter((h) => h === "m1")).toHaveLength(4);
    expect(hosts.filter((h) => h === "m2")).toHaveLength(2);
  });
});

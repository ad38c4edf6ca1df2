import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankMembers, type RankingCandidate, type Skip } from "@/lib/domain/ranking";
import type { Caps } from "@/lib/domain/rotation-settings";
import { fairnessSkip, type SkipFacts } from "@/lib/domain/skips";
import type { Interval } from "@/lib/domain/slots";

const t = (minutes: number) => new Date(Date.UTC(2025, 5, 2) + minutes * 60_000); // Mon Jun 2 2025 00:00Z
const iv = (s: number, e: number): Interval => ({ start: t(s), end: t(e) });
const NO_CAPS: Caps = { daily: null, weekly: null, monthly: null };

function facts(over: Partial<SkipFacts> = {}): SkipFacts {
  return { outOfOffice: [], bookedStarts: [], caps: NO_CAPS, timeZone: "UTC", now: t(0), at: null, ...over };
}

describe("fairnessSkip (R16, R18)", () => {
  it("nothing in the way: null", () => {
    expect(fairnessSkip(facts({ at: iv(60, 90) }))).toBeNull();
  });

  it("out of office now, no meeting time: until the period's end", () => {
    expect(fairnessSkip(facts({ outOfOffice: [iv(-60, 120)] }))).toEqual({ kind: "out_of_office", until: t(120) });
  });

  it("a period that ended at now, or starts after now, does not stop a meeting now", () => {
    expect(fairnessSkip(facts({ outOfOffice: [iv(-60, 0), iv(1, 100)] }))).toBeNull();
  });

  it("a meeting time overlapping a future period: out of office", () => {
    expect(fairnessSkip(facts({ outOfOffice: [iv(1000, 2000)], at: iv(1990, 2020) }))).toEqual({ kind: "out_of_office", until: t(2000) });
    expect(fairnessSkip(facts({ outOfOffice: [iv(1000, 2000)], at: iv(2000, 2030) }))).toBeNull(); // starts as it ends
    expect(fairnessSkip(facts({ outOfOffice: [iv(1000, 2000)], at: iv(970, 1000) }))).toBeNull(); // ends as it starts
  });

  it("until = the latest end among the periods in the way", () => {
    const periods = [iv(-10, 50), iv(30, 400), iv(3000, 4000)];
    expect(fairnessSkip(facts({ outOfOffice: periods, at: iv(300, 330) }))).toEqual({ kind: "out_of_office", until: t(400) });
    // In progress now and overlapping the meeting: both count, the later end wins.
    expect(fairnessSkip(facts({ outOfOffice: periods, at: iv(3500, 3530) }))).toEqual({ kind: "out_of_office", until: t(4000) });
  });

  it("out of office wins over a cap", () => {
    const f = facts({ outOfOffice: [iv(0, 100)], caps: { ...NO_CAPS, daily: 0 }, at: iv(50, 80) });
    expect(fairnessSkip(f)?.kind).toBe("out_of_office");
  });

  it("otherwise the cap at the meeting's start, in the host's zone", () => {
    // Meeting Sun Jun 8 23:30 in Auckland (NZST +12) = Jun 8 11:30Z; a booking Mon Jun 2 09:00 NZST = Jun 1 21:00Z.
    const at = { start: new Date("2025-06-08T11:30:00Z"), end: new Date("2025-06-08T12:00:00Z") };
    const f = facts({ caps: { ...NO_CAPS, weekly: 1 }, bookedStarts: [new Date("2025-06-01T21:00:00Z")], at, timeZone: "Pacific/Auckland" });
    expect(fairnessSkip(f)).toEqual({ kind: "capped", hit: { cap: "weekly", limit: 1 } });
    expect(fairnessSkip({ ...f, timeZone: "UTC" })).toBeNull(); // in UTC that booking is in the week before
  });

  it("without a meeting time, the cap is checked at now", () => {
    const f = facts({ caps: { ...NO_CAPS, daily: 1 }, bookedStarts: [t(30)], now: t(600) });
    expect(fairnessSkip(f)).toEqual({ kind: "capped", hit: { cap: "daily", limit: 1 } });
    expect(fairnessSkip({ ...f, now: t(24 * 60 + 1) })).toBeNull();
  });

  it("out of office exactly when some period holds now or overlaps the meeting; until = latest such end (property)", () => {
    const periodArb = fc.tuple(fc.integer({ min: -200, max: 400 }), fc.integer({ min: 1, max: 200 })).map(([s, len]) => iv(s, s + len));
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 5 }), fc.option(fc.tuple(fc.integer({ min: -100, max: 500 }), fc.integer({ min: 1, max: 120 }))), (periods, meeting) => {
        const at = meeting ? iv(meeting[0], meeting[0] + meeting[1]) : null;
        const ms = (d: Date) => d.getTime();
        const inWay = periods.filter(
          (p) => (ms(p.start) <= ms(t(0)) && ms(t(0)) < ms(p.end)) || (at !== null && ms(p.start) < ms(at.end) && ms(at.start) < ms(p.end)),
        );
        const expected: Skip | null = inWay.length ? { kind: "out_of_office", until: new Date(Math.max(...inWay.map((p) => ms(p.end)))) } : null;
        expect(fairnessSkip(facts({ outOfOffice: periods, at }))).toEqual(expected);
      }),
    );
  });
});

function member(userId: string, over: Partial<RankingCandidate> = {}): RankingCandidate {
  return { userId, name: `User ${userId}`, ineligibleReasons: [], available: true, count: 0, lastScheduledAt: null, joinedAt: t(0), weight: 1, ...over };
}

describe("rankMembers reasons for skipped members (R20)", () => {
  const until = new Date("2025-06-10T16:00:00Z");
  const someone = (skip: Skip | null, over: Partial<RankingCandidate> = {}) => member("x", { skip, ...over });
  const reasonOf = (c: RankingCandidate, timeZone?: string) => rankMembers([member("a"), c], "even", { timeZone }).members.find((m) => m.userId === "x");

  it.each<[string, Skip, string]>([
    ["weekly cap", { kind: "capped", hit: { cap: "weekly", limit: 5 } }, "Weekly cap 5 reached"],
    ["daily cap", { kind: "capped", hit: { cap: "daily", limit: 2 } }, "Daily cap 2 reached"],
    ["monthly cap", { kind: "capped", hit: { cap: "monthly", limit: 20 } }, "Monthly cap 20 reached"],
    ["busy", { kind: "busy" }, "Busy at that time"],
    ["outside working hours", { kind: "busy", outsideWorkingHours: true }, "Outside working hours at that time"],
  ])("%s → %s", (_, skip, words) => {
    expect(reasonOf(someone(skip))?.reason).toBe(words);
  });

  it("out of office: 'until' written in the rotation's zone", () => {
    const m = reasonOf(someone({ kind: "out_of_office", until }), "America/New_York");
    expect(m?.status).toBe("out_of_office");
    const spaced = (s?: string) => s?.replace(/\s/g, " "); // ICU may write a narrow space before PM
    expect(spaced(m?.reason)).toBe("Out of office until Tue, Jun 10, 2025, 12:00 PM"); // 16:00Z is noon EDT (−4)
    expect(spaced(reasonOf(someone({ kind: "out_of_office", until }))?.reason)).toBe("Out of office until Tue, Jun 10, 2025, 4:00 PM"); // UTC by default
  });

  it("statuses: capped and out of office leave the running; busy keeps its place", () => {
    const ranking = rankMembers(
      [member("cap", { skip: { kind: "capped", hit: { cap: "daily", limit: 1 } } }), member("ooo", { skip: { kind: "out_of_office", until } }), member("busy", { skip: { kind: "busy" } }), member("z", { count: 3 })],
      "even",
    );
    expect(ranking.members.map((m) => [m.userId, m.status])).toEqual([["busy", "busy"], ["z", "proposable"], ["cap", "capped"], ["ooo", "out_of_office"]]);
    expect(ranking.proposed?.userId).toBe("z");
  });

  it("unavailable and not eligible win over a skip, with their own words", () => {
    const cap: Skip = { kind: "capped", hit: { cap: "weekly", limit: 5 } };
    expect(reasonOf(someone(cap, { available: false }))).toMatchObject({ status: "unavailable", reason: "Availability turned off" });
    expect(reasonOf(someone(cap, { ineligibleReasons: ["calendar_sync_off", "no_seat"] }))).toMatchObject({ status: "not_eligible", reason: "Not eligible: no seat, calendar sync off" });
  });
});

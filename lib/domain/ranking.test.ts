import { describe, expect, it } from "vitest";
import {
  describeIneligibility,
  firstProposable,
  rankMembers,
  type DistributionMode,
  type IneligibleReason,
  type RankingCandidate,
} from "@/lib/domain/ranking";

// Minutes after a fixed instant: readable fake times, and a fresh Date each call so the code
// under test must compare times, not object identity.
const t = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000);

function member(userId: string, over: Partial<RankingCandidate> = {}): RankingCandidate {
  return {
    userId,
    name: `User ${userId}`,
    ineligibleReasons: [],
    available: true,
    count: 0,
    lastScheduledAt: null,
    joinedAt: t(0),
    weight: 1,
    ...over,
  };
}

const ids = (mode: DistributionMode, cs: RankingCandidate[]) => rankMembers(cs, mode).members.map((m) => m.userId);

// In every case the lower-priority keys point the other way, so the case fails unless the
// level it names really decides.
describe("even mode: each tie-break level decides", () => {
  it.each<{ rule: string; candidates: RankingCandidate[]; order: string[] }>([
    {
      rule: "lowest count first",
      candidates: [member("a", { count: 2 }), member("z", { count: 1, lastScheduledAt: t(9), joinedAt: t(9) })],
      order: ["z", "a"],
    },
    {
      rule: "same count: scheduled least recently first",
      candidates: [
        member("a", { count: 1, lastScheduledAt: t(5) }),
        member("z", { count: 1, lastScheduledAt: t(1), joinedAt: t(9) }),
      ],
      order: ["z", "a"],
    },
    {
      rule: "same count: never scheduled before anyone scheduled",
      candidates: [member("a", { count: 1, lastScheduledAt: t(-1000) }), member("z", { count: 1, joinedAt: t(9) })],
      order: ["z", "a"],
    },
    {
      rule: "same count and last scheduled: earliest to join first",
      candidates: [
        member("a", { count: 1, lastScheduledAt: t(3), joinedAt: t(5) }),
        member("z", { count: 1, lastScheduledAt: t(3), joinedAt: t(1) }),
      ],
      order: ["z", "a"],
    },
    {
      rule: "both never scheduled: earliest to join first",
      candidates: [member("a", { joinedAt: t(5) }), member("z", { joinedAt: t(1) })],
      order: ["z", "a"],
    },
    {
      rule: "all else equal: user id by code unit ('Z' < 'a'), not locale",
      candidates: [member("a"), member("b"), member("Z")],
      order: ["Z", "a", "b"],
    },
  ])("$rule", ({ candidates, order }) => {
    expect(ids("even", candidates)).toEqual(order);
    expect(ids("even", [...candidates].reverse())).toEqual(order);
  });
});

describe("who can be proposed (R3, R5)", () => {
  it.each<DistributionMode>(["even", "weighted"])("%s: never an unavailable or ineligible member", (mode) => {
    const r = rankMembers(
      [
        member("off", { available: false }),
        member("seatless", { ineligibleReasons: ["no_seat"] }),
        member("busy", { count: 5, lastScheduledAt: t(9), joinedAt: t(9) }),
      ],
      mode,
    );
    expect(r.proposed?.userId).toBe("busy");
    expect(r.members.map((m) => [m.userId, m.status, m.position])).toEqual([
      ["busy", "proposable", 1],
      ["off", "unavailable", 2],
      ["seatless", "not_eligible", 3],
    ]);
  });

  it.each<DistributionMode>(["even", "weighted"])("%s: no one proposable gives null but lists everyone", (mode) => {
    const r = rankMembers(
      [member("a", { available: false }), member("b", { ineligibleReasons: ["inactive"], available: false })],
      mode,
    );
    expect(r.proposed).toBeNull();
    expect(r.members.map((m) => [m.userId, m.status])).toEqual([
      ["a", "unavailable"],
      ["b", "not_eligible"], // ineligibility wins over the toggle
    ]);
  });

  it("ranks each non-proposable group by count, last scheduled, joined, id — even in weighted mode", () => {
    const cs = [
      member("u2", { available: false, count: 1 }),
      member("u1", { available: false, count: 1, lastScheduledAt: t(1), joinedAt: t(-5) }),
      member("u0", { available: false, count: 0, lastScheduledAt: t(9) }),
      member("n1", { ineligibleReasons: ["calendar_sync_off"], count: 3 }),
      member("n0", { ineligibleReasons: ["inactive"], count: 2, joinedAt: t(9) }),
    ];
    const expected = ["u0", "u2", "u1", "n0", "n1"];
    expect(ids("even", cs)).toEqual(expected);
    expect(ids("weighted", cs)).toEqual(expected);
  });

  it.each<DistributionMode>(["even", "weighted"])("%s: an empty rotation proposes no one", (mode) => {
    expect(rankMembers([], mode)).toEqual({ mode, members: [], proposed: null });
  });
});

describe("weighted mode (R8w), deficits computed by hand", () => {
  it.each<{ rule: string; candidates: RankingCandidate[]; order: string[]; deficits: Record<string, number> }>([
    {
      // W=4, N=3: a = 4·3/4 − 2 = 1, b = 4·1/4 − 1 = 0. Even mode would pick b (lower count).
      rule: "weights 3:1, counts 2:1 → the heavier member is still owed one",
      candidates: [member("a", { weight: 3, count: 2 }), member("b", { weight: 1, count: 1 })],
      order: ["a", "b"],
      deficits: { a: 1, b: 0 },
    },
    {
      // W=4, N=3: a = 3 − 3 = 0, b = 1 − 0 = 1.
      rule: "weights 3:1, counts 3:0 → the lighter member's turn",
      candidates: [member("a", { weight: 3, count: 3 }), member("b", { weight: 1, count: 0 })],
      order: ["b", "a"],
      deficits: { a: 0, b: 1 },
    },
    {
      // W=4, N=0: 2/4, 1/4, 1/4; b and c tie, c never scheduled.
      rule: "weights 2:1:1 from zero → heaviest first, then recency breaks the tie",
      candidates: [
        member("c", { weight: 1, joinedAt: t(9) }),
        member("b", { weight: 1, lastScheduledAt: t(1) }),
        member("a", { weight: 2, lastScheduledAt: t(5), joinedAt: t(9) }),
      ],
      order: ["a", "c", "b"],
      deficits: { a: 0.5, b: 0.25, c: 0.25 },
    },
    {
      // W=4 and N=3 over proposable members only; counting "off" (weight 10) would give
      // W=14 and make b the larger deficit.
      rule: "unavailable members take no part in W and N",
      candidates: [
        member("a", { weight: 3, count: 2 }),
        member("b", { weight: 1, count: 1 }),
        member("off", { weight: 10, available: false }),
      ],
      order: ["a", "b", "off"],
      deficits: { a: 1, b: 0 },
    },
    {
      // W=6, N=1: all three are exactly 1/3, but in floating point b's 8/6 − 1 comes out a
      // hair below 1/3. Without the epsilon b would be last instead of first (never scheduled).
      rule: "exact deficit ties survive float noise",
      candidates: [
        member("a", { weight: 1, lastScheduledAt: t(1) }),
        member("b", { weight: 4, count: 1, joinedAt: t(9) }),
        member("c", { weight: 1, lastScheduledAt: t(2) }),
      ],
      order: ["b", "a", "c"],
      deficits: { a: 1 / 3, b: 1 / 3, c: 1 / 3 },
    },
  ])("$rule", ({ candidates, order, deficits }) => {
    const r = rankMembers(candidates, "weighted");
    expect(r.members.map((m) => m.userId)).toEqual(order);
    expect(r.proposed?.userId).toBe(order[0]);
    for (const m of r.members) {
      if (m.userId in deficits) expect(m.deficit).toBeCloseTo(deficits[m.userId] ?? NaN, 12);
      else expect(m.deficit).toBeNull();
    }
  });

  it("leaves deficit null in even mode", () => {
    expect(rankMembers([member("a")], "even").members[0]?.deficit).toBeNull();
  });
});

describe("reason strings", () => {
  it.each<{ mode: DistributionMode; candidates: RankingCandidate[]; reasons: string[] }>([
    {
      mode: "even",
      candidates: [member("a", { count: 2 }), member("b", { count: 3 })],
      reasons: ["Lowest count (2)", "Higher count (3)"],
    },
    {
      mode: "even",
      candidates: [member("a", { count: 2, lastScheduledAt: t(1) }), member("b", { count: 2, lastScheduledAt: t(2) })],
      reasons: ["Tied on count 2; scheduled least recently", "Tied on count 2; scheduled more recently"],
    },
    {
      mode: "even",
      candidates: [member("a", { count: 2 }), member("b", { count: 2, lastScheduledAt: t(2) })],
      reasons: ["Tied on count 2; never scheduled", "Tied on count 2; scheduled more recently"],
    },
    {
      mode: "even",
      candidates: [member("a"), member("b", { joinedAt: t(1) }), member("c", { joinedAt: t(1) })],
      reasons: [
        "Tied on count 0 and last scheduled; joined earliest",
        "Tied on count 0 and last scheduled; joined later",
        "Tied on count 0, last scheduled and join date; later by user id",
      ],
    },
    {
      mode: "even",
      candidates: [
        member("a", { count: 4 }),
        member("b", { available: false }),
        member("c", { ineligibleReasons: ["calendar_sync_off", "no_seat"] }),
      ],
      reasons: ["Only available member (count 4)", "Availability turned off", "Not eligible: no seat, calendar sync off"],
    },
    {
      mode: "weighted",
      candidates: [member("a", { weight: 3, count: 2 }), member("b", { count: 1 })],
      reasons: ["Furthest behind their share (1 meeting)", "At their share"],
    },
    {
      mode: "weighted",
      candidates: [member("a", { weight: 2 }), member("b"), member("c", { count: 1 })],
      reasons: ["Furthest behind their share (1 meeting)", "Less far behind their share (0.5 meetings)", "Ahead of their share (0.5 meetings)"],
    },
    {
      mode: "weighted",
      candidates: [member("a", { weight: 3, count: 1, lastScheduledAt: t(1) }), member("b", { lastScheduledAt: t(2) })],
      reasons: ["Tied at 0.5 meetings behind their share; scheduled least recently", "Tied at 0.5 meetings behind their share; scheduled more recently"],
    },
    {
      mode: "weighted",
      candidates: [member("a", { weight: 2, count: 2 })],
      reasons: ["Only available member"],
    },
  ])("$mode: $reasons", ({ mode, candidates, reasons }) => {
    expect(rankMembers(candidates, mode).members.map((m) => m.reason)).toEqual(reasons);
  });
});

describe("firstProposable (auto-assign)", () => {
  const ranking = rankMembers(
    [member("a"), member("b", { count: 1 }), member("c", { count: 2 }), member("off", { available: false })],
    "even",
  );

  it("defaults to the proposed member", () => {
    expect(firstProposable(ranking)).toBe(ranking.proposed);
  });
  it("skips members the predicate rejects, in ranking order", () => {
    expect(firstProposable(ranking, (m) => m.userId !== "a")?.userId).toBe("b");
  });
  it("never returns a non-proposable member, even if the predicate accepts it", () => {
    expect(firstProposable(ranking, (m) => m.userId === "off")).toBeNull();
  });
});

describe("describeIneligibility", () => {
  it.each<[IneligibleReason[], string]>([
    [[], ""],
    [["no_seat"], "No seat"],
    [["calendar_sync_off", "no_seat"], "No seat, calendar sync off"],
    [["calendar_not_connected", "inactive", "inactive"], "Inactive, calendar not connected"],
  ])("%j → %j", (reasons, text) => {
    expect(describeIneligibility(reasons)).toBe(text);
  });
});

describe("purity and input checks", () => {
  it.each<DistributionMode>(["even", "weighted"])("%s: leaves frozen input untouched", (mode) => {
    const cs = [member("b", { count: 2, weight: 2 }), member("a", { available: false }), member("c", { count: 1 })];
    const before = structuredClone(cs);
    const frozen = Object.freeze(cs.map((c) => Object.freeze({ ...c, ineligibleReasons: Object.freeze([]) })));
    expect(() => rankMembers(frozen, mode)).not.toThrow();
    expect(frozen).toEqual(before);
    rankMembers(cs, mode);
    expect(cs).toEqual(before);
  });

  it("rejects a negative count and, in weighted mode, a non-positive proposable weight", () => {
    expect(() => rankMembers([member("a", { count: -1 })], "even")).toThrow(RangeError);
    expect(() => rankMembers([member("a", { weight: 0 })], "weighted")).toThrow(RangeError);
    expect(() => rankMembers([member("a", { weight: 1.5 })], "weighted")).toThrow(RangeError);
    // Weights are unused in even mode and for members outside W.
    expect(() => rankMembers([member("a", { weight: 0 })], "even")).not.toThrow();
    expect(() => rankMembers([member("a", { weight: 0, available: false })], "weighted")).not.toThrow();
  });
});

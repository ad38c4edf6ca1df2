import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keepLevelPeriods, startLevel, type LevelPeer } from "@/lib/domain/calibration";
import type { Interval } from "@/lib/domain/slots";

const t = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000);

/**
 * R15 oracle in exact integer arithmetic: deficit × W = (N + 1)·w − count·W, with the
 * newcomer's k counted in N. The smallest k whose deficit is not above the largest peer's.
 */
function startLevelOracle(newcomerWeight: number, peers: readonly LevelPeer[]): number {
  if (peers.length === 0) return 0;
  const W = newcomerWeight + peers.reduce((s, p) => s + p.weight, 0);
  const peerCount = peers.reduce((s, p) => s + p.count, 0);
  for (let k = 0; k < 10_000; k++) {
    const next = peerCount + k + 1;
    const own = next * newcomerWeight - k * W;
    const largest = Math.max(...peers.map((p) => next * p.weight - p.count * W));
    if (own <= largest) return k;
  }
  throw new Error("no start level found");
}

const peersArb = (weight: fc.Arbitrary<number>) => fc.array(fc.record({ count: fc.nat(30), weight }), { minLength: 1, maxLength: 6 });

describe("startLevel (R15)", () => {
  it("no other proposable member: 0", () => {
    expect(startLevel(1, [], "even")).toBe(0);
    expect(startLevel(3, [], "weighted")).toBe(0);
  });

  it.each<[string, number, LevelPeer[], number]>([
    ["even: the lowest count", 1, [{ count: 7, weight: 1 }, { count: 4, weight: 1 }, { count: 9, weight: 1 }], 4],
    ["even ignores weights", 5, [{ count: 7, weight: 1 }, { count: 4, weight: 3 }], 4],
  ])("%s", (_, w, peers, expected) => {
    expect(startLevel(w, peers, "even")).toBe(expected);
  });

  it.each<[string, number, LevelPeer[], number]>([
    // Peers weights 1 and 1 at counts 2 and 2, newcomer weight 2 (W = 4). With k: N+1 = 5+k.
    // k=2: own = 7·2/4 − 2 = 1.5, peers = 7/4 − 2 = −0.25 → above. k=3: 8/2 − 3 = 1 vs 0 → above.
    // k=4: 9/2 − 4 = 0.5 vs 0.25 → above. k=5: 10/2 − 5 = 0 vs 0.5 → fits: 5.
    ["a double-weight newcomer starts higher", 2, [{ count: 2, weight: 1 }, { count: 2, weight: 1 }], 5],
    // Peer weight 2 at 4, newcomer weight 1 (W = 3). k=0: own 5/3 vs 10/3 − 4 = −2/3 → above.
    // k=1: 6/3 − 1 = 1 vs 12/3 − 4 = 0 → above. k=2: 7/3 − 2 = 1/3 vs 14/3 − 4 = 2/3 → fits: 2.
    ["a half-weight newcomer starts lower", 1, [{ count: 4, weight: 2 }], 2],
    ["equal weights: the lowest count", 3, [{ count: 6, weight: 3 }, { count: 2, weight: 3 }], 2],
  ])("weighted: %s", (_, w, peers, expected) => {
    expect(startLevel(w, peers, "weighted")).toBe(expected);
    expect(startLevelOracle(w, peers)).toBe(expected);
  });

  it("weighted: the smallest whole number whose deficit is not above the largest other deficit (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), peersArb(fc.integer({ min: 1, max: 5 })), (w, peers) => {
        expect(startLevel(w, peers, "weighted")).toBe(startLevelOracle(w, peers));
      }),
    );
  });

  it("with equal weights the weighted rule gives the lowest count (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.nat(30), { minLength: 1, maxLength: 6 }), (w, counts) => {
        const peers = counts.map((count) => ({ count, weight: w }));
        const lowest = Math.min(...counts);
        expect(startLevelOracle(w, peers)).toBe(lowest); // the rule's own claim
        expect(startLevel(w, peers, "weighted")).toBe(lowest);
        expect(startLevel(w, peers, "even")).toBe(lowest);
      }),
    );
  });
});

/**
 * R16 oracle on a minute grid: minutes covered by any period form runs (overlapping or
 * touching periods are one time away); each run that ended in [window start, now] earns
 * floor(others' meetings in the run / others), and only positive adjustments are kept.
 */
function keepLevelOracle(periods: [number, number][], windowStart: number, now: number, meetings: number[], others: number) {
  if (others <= 0) return [];
  const covered = new Set<number>();
  for (const [s, e] of periods) for (let m = s; m < e; m++) covered.add(m);
  const runs: [number, number][] = [];
  for (const m of [...covered].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[1] === m) last[1] = m + 1;
    else runs.push([m, m + 1]);
  }
  return runs
    .filter(([, e]) => e >= windowStart && e <= now)
    .map(([s, e]) => ({ s, e, adjustment: Math.floor(meetings.filter((m) => m >= s && m < e).length / others) }))
    .filter((r) => r.adjustment > 0);
}
const iv = (s: number, e: number): Interval => ({ start: t(s), end: t(e) });
const summary = (r: ReturnType<typeof keepLevelPeriods>) => r.map((p) => ({ s: (p.period.start.getTime() - t(0).getTime()) / 60_000, e: (p.period.end.getTime() - t(0).getTime()) / 60_000, adjustment: p.adjustment }));

describe("keepLevelPeriods (R16)", () => {
  const window = { start: t(0), now: t(1000) };

  it("floor(meetings for the others during the period / number of others)", () => {
    const meetings = [110, 120, 130, 140, 150, 160, 170].map(t); // 7 meetings, 3 others → 2
    const result = keepLevelPeriods([iv(100, 200)], window, meetings, 3);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ othersMeetings: 7, adjustment: 2 });
  });

  it("overlapping periods count their meetings once", () => {
    const meetings = [110, 150, 190, 240, 260].map(t);
    // [100,200) and [150,270) overlap: one time away [100,270) with 5 meetings; 2 others → 2.
    expect(summary(keepLevelPeriods([iv(100, 200), iv(150, 270)], window, meetings, 2))).toEqual([{ s: 100, e: 270, adjustment: 2 }]);
  });

  it("periods that ended outside the window, or have not ended, do not count", () => {
    const meetings = [10, 20, 30, 40].map(t);
    const win = { start: t(50), now: t(500) };
    expect(keepLevelPeriods([iv(0, 45)], win, meetings, 1)).toEqual([]); // ended before the window
    expect(summary(keepLevelPeriods([iv(0, 50)], win, meetings, 1))).toEqual([{ s: 0, e: 50, adjustment: 4 }]); // ended at its start
    expect(keepLevelPeriods([iv(400, 600)], win, [t(450), t(460)], 1)).toEqual([]); // still in progress at now
  });

  it("fewer meetings than others, or no others: no adjustment", () => {
    expect(keepLevelPeriods([iv(100, 200)], window, [t(150)], 2)).toEqual([]);
    expect(keepLevelPeriods([iv(100, 200)], window, [t(150), t(160)], 0)).toEqual([]);
  });

  const periodsArb = fc.array(fc.tuple(fc.nat(300), fc.integer({ min: 1, max: 80 })).map(([s, len]): [number, number] => [s, s + len]), { maxLength: 6 });
  const meetingsArb = fc.array(fc.nat(400), { maxLength: 30 });

  it("matches the rule on random overlapping periods (property)", () => {
    fc.assert(
      fc.property(periodsArb, fc.nat(200), fc.integer({ min: 200, max: 400 }), meetingsArb, fc.integer({ min: 0, max: 4 }), (periods, ws, now, meetings, others) => {
        const got = keepLevelPeriods(periods.map(([s, e]) => iv(s, e)), { start: t(ws), now: t(now) }, meetings.map(t), others);
        expect(summary(got)).toEqual(keepLevelOracle(periods, ws, now, meetings, others).map(({ s, e, adjustment }) => ({ s, e, adjustment })));
      }),
    );
  });

  it("derived from data: the same whenever computed and whatever the input order (property)", () => {
    fc.assert(
      fc.property(periodsArb, meetingsArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 400, max: 2000 }), (periods, meetings, others, later) => {
        const asIntervals = periods.map(([s, e]) => iv(s, e));
        const first = keepLevelPeriods(asIntervals, { start: t(0), now: t(400) }, meetings.map(t), others);
        const reordered = keepLevelPeriods([...asIntervals].reverse(), { start: t(0), now: t(later) }, [...meetings].reverse().map(t), others);
        expect(summary(reordered)).toEqual(summary(first)); // every period ended by 380, so a later now changes nothing
      }),
    );
  });
});

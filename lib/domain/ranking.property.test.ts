import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankMembers, type IneligibleReason, type RankingCandidate } from "@/lib/domain/ranking";

const t = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000);
const EPS = 1e-9;
const REASONS: IneligibleReason[] = ["inactive", "no_seat", "calendar_not_connected", "calendar_sync_off"];

// Small value ranges on purpose: they make ties on every level frequent.
const candidateArb: fc.Arbitrary<RankingCandidate> = fc.record({
  userId: fc.string({ unit: fc.constantFrom("a", "b", "Z", "1", "-"), minLength: 1, maxLength: 3 }),
  name: fc.constant("Someone"),
  ineligibleReasons: fc.oneof(fc.constant([]), fc.subarray(REASONS)),
  available: fc.boolean(),
  count: fc.nat(6),
  lastScheduledAt: fc.option(fc.nat(5).map(t)),
  joinedAt: fc.nat(5).map(t),
  weight: fc.integer({ min: 1, max: 5 }),
});
const candidatesArb = fc.uniqueArray(candidateArb, { selector: (c) => c.userId, maxLength: 8 });

/** A rotation whose members are all eligible and available; counts follow from `bookings`. */
class Rotation {
  private bookings: { host: string; at: number }[] = [];
  private clock = 0;
  constructor(private readonly base: readonly RankingCandidate[]) {}

  candidates(): RankingCandidate[] {
    return this.base.map((m) => {
      const mine = this.bookings.filter((b) => b.host === m.userId).map((b) => b.at);
      return { ...m, count: mine.length, lastScheduledAt: mine.length ? t(Math.max(...mine)) : null };
    });
  }
  book(host: string): void {
    this.bookings.push({ host, at: ++this.clock }); // strictly increasing creation times
  }
  deleteBooking(pick: number): void {
    if (this.bookings.length > 0) this.bookings.splice(pick % this.bookings.length, 1);
  }
}

// Distinct ids, arbitrary join times and weights; eligible and available.
const membersArb = (maxWeight: number) =>
  fc
    .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.nat(5), fc.integer({ min: 1, max: maxWeight })), {
      selector: ([id]) => id,
      minLength: 1,
      maxLength: 6,
    })
    .map((rows) => rows.map(([userId, joined, weight]) => ({ ...baseMember(userId, joined), weight })));

function baseMember(userId: string, joined: number): RankingCandidate {
  const m = { userId, name: userId, ineligibleReasons: [], available: true, count: 0, lastScheduledAt: null };
  return { ...m, joinedAt: t(joined), weight: 1 };
}

const counts = (cs: readonly RankingCandidate[]) => cs.map((c) => c.count);
const spread = (cs: readonly RankingCandidate[]) => Math.max(...counts(cs)) - Math.min(...counts(cs));

describe("even mode fairness (R6, R8)", () => {
  const opArb = fc.oneof(
    fc.constant({ kind: "book" as const }),
    fc.nat().map((pick) => ({ kind: "delete" as const, pick })),
  );

  // Deletions may legitimately widen the spread (delete from a member already at the
  // minimum), so what holds across them is the rule itself: every booking goes to a member
  // whose count is minimal.
  it("always proposes a member with the minimal count, through bookings and deletions", () => {
    fc.assert(
      fc.property(membersArb(1), fc.array(opArb, { maxLength: 60 }), (members, ops) => {
        const rotation = new Rotation(members);
        for (const op of ops) {
          if (op.kind === "delete") {
            rotation.deleteBooking(op.pick);
            continue;
          }
          const cs = rotation.candidates();
          const proposed = rankMembers(cs, "even").proposed;
          expect(proposed).not.toBeNull();
          expect(proposed?.count).toBe(Math.min(...counts(cs)));
          rotation.book(proposed?.userId ?? "");
        }
      }),
    );
  });

  it("with bookings only, counts never differ by more than one, and hosts repeat in a fixed cycle", () => {
    fc.assert(
      fc.property(membersArb(1), fc.nat(40), (members, k) => {
        const rotation = new Rotation(members);
        const hosts: string[] = [];
        for (let i = 0; i < k; i++) {
          const host = rankMembers(rotation.candidates(), "even").proposed?.userId ?? "";
          rotation.book(host);
          hosts.push(host);
          expect(spread(rotation.candidates())).toBeLessThanOrEqual(1);
        }
        // Recency as the tie-break makes the even rule plain round robin.
        hosts.forEach((h, i) => i >= members.length && expect(h).toBe(hosts[i - members.length]));
      }),
    );
  });
});

describe("weighted mode (R8w)", () => {
  it("with equal weights gives exactly the even-mode ranking", () => {
    fc.assert(
      fc.property(candidatesArb, fc.integer({ min: 1, max: 5 }), (cs, w) => {
        const equal = cs.map((c) => ({ ...c, weight: w }));
        const even = rankMembers(equal, "even");
        const weighted = rankMembers(equal, "weighted");
        expect(weighted.members.map((m) => [m.userId, m.status])).toEqual(
          even.members.map((m) => [m.userId, m.status]),
        );
        expect(weighted.proposed?.userId).toBe(even.proposed?.userId);
      }),
    );
  });

  // Let p = w/W and e = K·p − count (how far a member is behind its share after K bookings).
  // The e's sum to 0. Each booking adds p to every e and takes 1 from the chosen one, whose
  // e + p is the largest of values summing to 1, hence ≥ 1/n; so after a booking it is
  // ≥ 1/n − 1, and the others only grow. By induction every e ≥ −(n−1)/n: no member is ever
  // a whole meeting ahead of its share. The other side follows from the sum being 0:
  // e ≤ (n−1)·(n−1)/n. The symmetric "within 1 of K·w/W" does NOT hold on that side — see
  // the example below — so the lag is checked against the bound we can prove. (Exhaustive
  // search over weights 1..5 finds the < 1 bound true up to 5 members; the worst lag seen
  // with up to 16 members is about 1.13.)
  it("keeps each count within the proven distance of its share K·w/W", () => {
    fc.assert(
      fc.property(membersArb(5), fc.nat(60), (members, k) => {
        const rotation = new Rotation(members);
        const n = members.length;
        const totalWeight = members.reduce((s, m) => s + m.weight, 0);
        for (let booked = 1; booked <= k; booked++) {
          const ranking = rankMembers(rotation.candidates(), "weighted");
          const deficits = ranking.members.map((m) => m.deficit ?? NaN);
          expect(ranking.proposed?.deficit).toBeGreaterThanOrEqual(Math.max(...deficits) - EPS);
          rotation.book(ranking.proposed?.userId ?? "");
          for (const c of rotation.candidates()) {
            const behind = (booked * c.weight) / totalWeight - c.count;
            expect(behind).toBeGreaterThanOrEqual(-(n - 1) / n - EPS);
            expect(behind).toBeLessThanOrEqual(((n - 1) * (n - 1)) / n + EPS);
          }
        }
      }),
    );
  });

  it("can leave a member more than one meeting behind its share (why the bound above is weaker)", () => {
    // Weights 5,5,1,1,1,5 (W = 18), in join order, from zero: after 11 bookings the last
    // weight-5 member has 2 meetings against a share of 55/18 ≈ 3.06.
    const members = [5, 5, 1, 1, 1, 5].map((weight, i) => ({ ...baseMember(`m${i}`, i), weight }));
    const rotation = new Rotation(members);
    for (let i = 0; i < 11; i++) rotation.book(rankMembers(rotation.candidates(), "weighted").proposed?.userId ?? "");
    expect(rotation.candidates().map((c) => c.count)).toEqual([3, 3, 1, 1, 1, 2]);
    expect(55 / 18 - 2).toBeGreaterThan(1);
  });
});

describe("any input", () => {
  it("proposes only eligible, available members, and lists every candidate exactly once", () => {
    fc.assert(
      fc.property(candidatesArb, fc.constantFrom("even" as const, "weighted" as const), (cs, mode) => {
        const before = structuredClone(cs);
        const frozen = Object.freeze(cs.map((c) => Object.freeze({ ...c })));
        const ranking = rankMembers(frozen, mode);
        expect(frozen).toEqual(before);

        expect([...ranking.members.map((m) => m.userId)].sort()).toEqual([...cs.map((c) => c.userId)].sort());
        ranking.members.forEach((m, i) => expect(m.position).toBe(i + 1));
        const input = new Map(cs.map((c) => [c.userId, c]));
        for (const m of ranking.members) {
          const original = input.get(m.userId);
          expect(original).toBeDefined();
          expect(m).toMatchObject(original ?? {});
          const eligible = m.ineligibleReasons.length === 0;
          expect(m.status).toBe(!eligible ? "not_eligible" : m.available ? "proposable" : "unavailable");
          expect(m.deficit === null).toBe(mode === "even" || m.status !== "proposable");
          expect(m.reason).not.toBe("");
        }

        const proposable = cs.filter((c) => c.ineligibleReasons.length === 0 && c.available);
        expect(ranking.proposed === null).toBe(proposable.length === 0);
        if (ranking.proposed !== null) {
          expect(ranking.proposed.ineligibleReasons).toEqual([]);
          expect(ranking.proposed.available).toBe(true);
          if (mode === "even") expect(ranking.proposed.count).toBe(Math.min(...counts(proposable)));
        }
        // Groups come in order: proposable, then unavailable, then not eligible.
        const rank = { proposable: 0, busy: 0, capped: 1, out_of_office: 2, unavailable: 3, not_eligible: 4 };
        const groups = ranking.members.map((m) => rank[m.status]);
        expect(groups).toEqual([...groups].sort((a, b) => a - b));
      }),
    );
  });
});

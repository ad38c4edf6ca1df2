import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAUSE_LABELS, countFromLedger, LEDGER_CAUSES } from "@/lib/domain/ledger";

describe("countFromLedger (R13)", () => {
  it.each([
    [0, 0],
    [3, 3],
    [-1, 0], // a credit-back with nothing left to credit
    [-7, 0],
  ])("sum %i → count %i", (sum, count) => {
    expect(countFromLedger(sum)).toBe(count);
  });

  it("the count is the ledger's sum, floored at zero; never negative (property)", () => {
    const entry = fc.oneof(fc.constant(1), fc.constant(-1), fc.integer({ min: -20, max: 20 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const sum = entries.reduce((a, b) => a + b, 0);
        const count = countFromLedger(sum);
        expect(count).toBeGreaterThanOrEqual(0);
        expect(count).toBe(sum > 0 ? sum : 0);
      }),
    );
  });

  it("credit-backs beyond the meetings booked leave the count at zero (property)", () => {
    fc.assert(
      fc.property(fc.nat(10), fc.nat(15), (meetings, creditBacks) => {
        const count = countFromLedger(meetings - creditBacks);
        expect(count).toBe(Math.max(0, meetings - creditBacks));
        expect(Object.is(count, -0)).toBe(false);
      }),
    );
  });
});

describe("ledger causes", () => {
  it("every cause has a label for the member's entry list", () => {
    for (const cause of LEDGER_CAUSES) expect(CAUSE_LABELS[cause]).toMatch(/\S/);
    expect(CAUSE_LABELS.credit_back).toBe("Credit-back");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countedMeetings, needsResetConfirmation, planMembershipChange } from "@/lib/domain/count-impact";

describe("planMembershipChange (R7, R15)", () => {
  it.each([
    ["nobody new", ["a", "b"], ["b", "a"], "reset_everyone", [], [], "none"],
    ["someone joins", ["a"], ["a", "c"], "reset_everyone", ["c"], [], "reset"],
    ["someone joins, start level", ["a"], ["a", "c"], "start_level", ["c"], [], "level"],
    ["someone only leaves", ["a", "b"], ["a"], "reset_everyone", [], ["b"], "none"],
    ["one leaves, one joins", ["a", "b"], ["a", "c"], "reset_everyone", ["c"], ["b"], "reset"],
    ["duplicates count once", ["a"], ["c", "c", "a"], "reset_everyone", ["c"], [], "reset"],
    ["first members of an empty rotation", [], ["b", "a"], "reset_everyone", ["a", "b"], [], "reset"],
  ] as const)("%s", (_case, current, prospective, policy, joining, leaving, effect) => {
    expect(planMembershipChange(current, prospective, policy)).toEqual({ joining, leaving, effect });
  });

  it("resets or levels exactly when someone is new (property)", () => {
    const ids = fc.uniqueArray(fc.constantFrom<string>("a", "b", "c", "d", "e"));
    fc.assert(
      fc.property(ids, ids, fc.constantFrom("reset_everyone" as const, "start_level" as const), (current, prospective, policy) => {
        const plan = planMembershipChange(current, prospective, policy);
        const someoneNew = prospective.some((id) => !current.includes(id));
        expect(plan.effect === "none").toBe(!someoneNew);
        expect(plan.joining.every((id) => prospective.includes(id) && !current.includes(id))).toBe(true);
      }),
    );
  });
});

describe("countedMeetings", () => {
  it("adds the counts shown", () => {
    expect(countedMeetings([])).toBe(0);
    expect(countedMeetings([4, 0, 3, 2])).toBe(9);
    expect(countedMeetings(new Map([["a", 2]]).values())).toBe(2);
  });
});

describe("needsResetConfirmation", () => {
  it("only a reset asks first; levelling or nothing adds at once", () => {
    expect(needsResetConfirmation([])).toBe(false);
    expect(needsResetConfirmation([{ effect: "none" }, { effect: "level" }])).toBe(false);
    expect(needsResetConfirmation([{ effect: "level" }, { effect: "reset" }])).toBe(true);
  });
});

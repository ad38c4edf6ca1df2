import { describe, expect, it } from "vitest";
import type { RotationCountImpact } from "@/lib/server/queries/count-impact";
import { describeCountImpact, listNames } from "./count-impact-text";

const rotation = (overrides: Partial<RotationCountImpact>): RotationCountImpact => ({
  rotationId: "r1",
  rotationName: "Inbound EMEA",
  effect: "reset",
  countedMeetings: 9,
  memberCount: 4,
  joining: [{ id: "ava", name: "Ava Chen", ineligibleText: "No seat" }],
  leaving: 0,
  startLevel: null,
  ...overrides,
});

describe("count impact in words", () => {
  it("names the rotation and the figures a reset wipes, and warns about a newcomer who can't be proposed", () => {
    expect(describeCountImpact("Adding Ava Chen to Sales EMEA", [rotation({})])).toEqual({
      resets: ["Adding Ava Chen to Sales EMEA resets every count in Inbound EMEA (9 meetings counted among 4 members) to 0."],
      levels: [],
      warnings: ["Ava Chen can’t be proposed (no seat): listed as not eligible, never booked, yet the counts still reset."],
    });
  });

  it("start level says nobody's count changes; untouched rotations say nothing; singular figures", () => {
    const text = describeCountImpact("Adding Noa Levi", [
      rotation({ rotationName: "Renewals", effect: "level", startLevel: 2, joining: [{ id: "noa", name: "Noa Levi", ineligibleText: "" }] }),
      rotation({ rotationName: "Untouched", effect: "none", joining: [] }),
      rotation({ rotationName: "Small", countedMeetings: 1, memberCount: 1, joining: [{ id: "noa", name: "Noa Levi", ineligibleText: "" }] }),
    ]);
    expect(text).toEqual({
      resets: ["Adding Noa Levi resets every count in Small (1 meeting counted among 1 member) to 0."],
      levels: ["In Renewals nobody’s count changes: Noa Levi starts at 2, the level of the others (start level)."],
      warnings: [],
    });
  });

  it("lists names", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["A", "B"])).toBe("A and B");
    expect(listNames(["A", "B", "C"])).toBe("A, B and C");
  });
});

import { describe, expect, it } from "vitest";
import { bracketNesting } from "./request-limits";

describe("bracket nesting of an action body", () => {
  it.each([
    ["", 0],
    ['["$K1",{"title":"Intro"}]', 2],
    ['["[[[[[[ in a string ]]]]]]", "\\"[[[["]', 1],
    [`${"[".repeat(5000)}${"]".repeat(5000)}`, 5000],
    ["{[{[", 4],
    ["]]]][", 1],
  ])("%#: %s…", (body, expected) => {
    expect(bracketNesting(body)).toBe(expected);
  });
});

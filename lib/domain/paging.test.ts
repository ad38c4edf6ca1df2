import { describe, expect, it } from "vitest";
import { containsPattern, describeWindow, pageWindow } from "./paging";

describe("page window", () => {
  it.each([
    // requested, total → page, offset, first, last, lastPage
    [1, 2000, 1, 0, 1, 50, 40],
    [2, 2000, 2, 50, 51, 100, 40],
    [40, 2000, 40, 1950, 1951, 2000, 40],
    [41, 2000, 40, 1950, 1951, 2000, 40],
    [0, 2000, 1, 0, 1, 50, 40],
    [Number.NaN, 2000, 1, 0, 1, 50, 40],
    [2, 51, 2, 50, 51, 51, 2],
    [2, 50, 1, 0, 1, 50, 1],
    [1, 0, 1, 0, 0, 0, 1],
  ])("page %s of %s rows", (requested, total, page, offset, first, last, lastPage) => {
    expect(pageWindow(requested, 50, total)).toEqual({ page, pageSize: 50, lastPage, offset, total, first, last });
  });

  it("reads as the tester wrote it", () => {
    expect(describeWindow(pageWindow(2, 50, 2000))).toBe("Showing 51–100 of 2,000");
    expect(describeWindow(pageWindow(2, 50, 51))).toBe("Showing 51 of 51");
    expect(describeWindow(pageWindow(1, 50, 0))).toBe("");
  });

  it("takes the search's own wildcards literally", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});

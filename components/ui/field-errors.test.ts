import { describe, expect, it } from "vitest";
import { NOT_EDITED, visibleErrors } from "./field-errors";

describe("a field's errors after an edit", () => {
  const first = { status: "error" };
  const second = { status: "error" };
  const errors = ["Enter a name."];

  it.each<{ rule: string; answer: unknown; editedAfter: unknown; shown: readonly string[] | undefined }>([
    { rule: "shows the answer's errors before any edit", answer: first, editedAfter: NOT_EDITED, shown: errors },
    { rule: "hides them once the field is edited after that answer", answer: first, editedAfter: first, shown: undefined },
    { rule: "shows the next answer's errors again, even when worded the same", answer: second, editedAfter: first, shown: errors },
  ])("$rule", ({ answer, editedAfter, shown }) => {
    expect(visibleErrors(errors, answer, editedAfter)).toEqual(shown);
  });

  it("has nothing to show without errors", () => {
    expect(visibleErrors(undefined, first, NOT_EDITED)).toBeUndefined();
    expect(visibleErrors([], first, NOT_EDITED)).toBeUndefined();
  });
});

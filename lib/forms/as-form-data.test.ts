import { expect, it } from "vitest";
import { asFormData } from "./action-state";

it("a form action reads a crafted argument as an empty form, so it answers field errors rather than failing", () => {
  const sent = new FormData();
  sent.set("name", "Closers");
  expect(asFormData(sent)).toBe(sent);
  for (const crafted of [{ get: () => "x" }, "name=Closers", null, undefined, [["name", "Closers"]]]) {
    expect([...asFormData(crafted).entries()]).toEqual([]);
  }
});

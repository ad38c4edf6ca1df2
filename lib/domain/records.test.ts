import { describe, expect, it } from "vitest";
import { RECORD_TYPES, recordHref, recordTypeFromPath } from "./records";

describe("record routes", () => {
  it("maps each list path back to its record type, and nothing else", () => {
    for (const type of RECORD_TYPES) expect(recordTypeFromPath(recordHref(type, "x").split("/")[1] ?? "")).toBe(type);
    for (const other of ["settings", "contact", "Contacts", "", "contacts/"]) expect(recordTypeFromPath(other)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/server/sign-in-limit";

// Without TRUST_PROXY (unset here), X-Forwarded-For is the client's own claim.
describe("the client address without a trusted proxy", () => {
  it("ignores X-Forwarded-For, so a client cannot pick the address it is counted under", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
  });
});

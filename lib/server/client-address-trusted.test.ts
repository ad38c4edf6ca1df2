import { afterAll, describe, expect, it } from "vitest";

// Modules load afresh for each test file, so the environment is read with TRUST_PROXY=1 here;
// the variable is removed afterwards for files that run later in the same worker.
process.env.TRUST_PROXY = "1";
const { clientAddress } = await import("@/lib/server/sign-in-limit");
afterAll(() => {
  delete process.env.TRUST_PROXY;
});

describe("the client address behind a trusted proxy", () => {
  it("is the last X-Forwarded-For entry, the one the proxy appended", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": " 198.51.100.2 " }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBeNull();
  });
});

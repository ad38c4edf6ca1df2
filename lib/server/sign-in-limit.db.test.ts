import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { signInAttempts } from "@/db/schema";
import {
  ACCOUNT_ATTEMPTS_PER_WINDOW,
  ADDRESS_ATTEMPTS_PER_WINDOW,
  SIGN_IN_WINDOW_MINUTES,
  clearAccountAttempts,
  recordSignInAttempt,
} from "@/lib/server/sign-in-limit";
import { describeEachDatabase } from "@/test/db";

describeEachDatabase("sign-in limit", (current) => {
  it("refuses an account's attempts past the limit until the window has passed, whoever tries", async () => {
    const { db } = current();
    for (let i = 0; i < ACCOUNT_ATTEMPTS_PER_WINDOW; i++) {
      expect(await recordSignInAttempt(db, { email: "ann@acme.test", address: `10.0.0.${i}` })).toEqual({ allowed: true });
    }
    // Another address and another spelling of the email do not start a new count.
    const refused = await recordSignInAttempt(db, { email: " ANN@acme.test", address: "10.9.9.9" });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(SIGN_IN_WINDOW_MINUTES * 60 - 60);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_WINDOW_MINUTES * 60);
    }
    // Other accounts are not affected.
    expect(await recordSignInAttempt(db, { email: "bob@acme.test", address: null })).toEqual({ allowed: true });
    // The table holds hashes, never the email typed.
    const keys = (await db.select({ key: signInAttempts.key }).from(signInAttempts)).map((row) => row.key);
    expect(keys.join(" ")).not.toMatch(/ann|bob|acme|10\.0/);

    // Once the window has passed, the account may try again.
    await db.update(signInAttempts).set({ windowStartedAt: sql`now() - interval '${sql.raw(String(SIGN_IN_WINDOW_MINUTES))} minutes 1 second'` });
    expect(await recordSignInAttempt(db, { email: "ann@acme.test", address: null })).toEqual({ allowed: true });
  });

  it("refuses an address's attempts past its limit, across accounts; a success does not reset it", async () => {
    const { db } = current();
    for (let i = 0; i < ADDRESS_ATTEMPTS_PER_WINDOW; i++) {
      expect((await recordSignInAttempt(db, { email: `user${i}@acme.test`, address: "203.0.113.7" })).allowed).toBe(true);
    }
    await clearAccountAttempts(db, "fresh@acme.test");
    expect((await recordSignInAttempt(db, { email: "fresh@acme.test", address: "203.0.113.7" })).allowed).toBe(false);
    expect((await recordSignInAttempt(db, { email: "fresh@acme.test", address: "203.0.113.8" })).allowed).toBe(true);
  });

  it("a successful sign-in starts the account's count again", async () => {
    const { db } = current();
    for (let i = 0; i < ACCOUNT_ATTEMPTS_PER_WINDOW; i++) await recordSignInAttempt(db, { email: "ann@acme.test", address: null });
    await clearAccountAttempts(db, "Ann@acme.test");
    for (let i = 0; i < ACCOUNT_ATTEMPTS_PER_WINDOW; i++) expect((await recordSignInAttempt(db, { email: "ann@acme.test", address: null })).allowed).toBe(true);
    expect((await recordSignInAttempt(db, { email: "ann@acme.test", address: null })).allowed).toBe(false);
  });

  it("concurrent attempts never get past the limit", async () => {
    const { db } = current();
    const results = await Promise.all(Array.from({ length: 40 }, () => recordSignInAttempt(db, { email: "ann@acme.test", address: "198.51.100.1" })));
    expect(results.filter((r) => r.allowed)).toHaveLength(ACCOUNT_ATTEMPTS_PER_WINDOW);
  });
});

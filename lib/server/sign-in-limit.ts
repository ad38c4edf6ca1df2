import "server-only";
import { createHash } from "node:crypto";
import { lt, or, eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { trustsProxy } from "@/lib/env";

/*
 * Sign-in attempts are limited per account and per client address, in fixed windows kept in
 * the database so every instance counts the same attempts. Each attempt is counted before the
 * password is checked, by one upsert for both keys: concurrent attempts cannot slip past the
 * limit between a read and a write. Unknown emails count like real ones, so the limit says
 * nothing about who has an account.
 */

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Per email: enough for someone who mistypes; a success starts the count again. */
export const ACCOUNT_ATTEMPTS_PER_WINDOW = 10;
/** Per address: an office behind one address signs in often; a success does not reset it. */
export const ADDRESS_ATTEMPTS_PER_WINDOW = 100;

export type SignInAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function keyOf(kind: "account" | "address", value: string): string {
  return `${kind}:${createHash("sha256").update(value).digest("hex")}`;
}

const accountKey = (email: string) => keyOf("account", email.trim().toLowerCase());

/**
 * The client's address, when it can be known: the last X-Forwarded-For entry, written by the
 * trusted proxy. Without TRUST_PROXY that header is whatever the client sent, so null.
 */
export function clientAddress(headers: Headers): string | null {
  if (!trustsProxy()) return null;
  const last = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 100) : null;
}

/** Counts one attempt for the email (and the address, when known) and says whether it may go on. */
export async function recordSignInAttempt(db: Database, attempt: { email: string; address: string | null }): Promise<SignInAllowance> {
  const limits = new Map([[accountKey(attempt.email), ACCOUNT_ATTEMPTS_PER_WINDOW]]);
  if (attempt.address !== null) limits.set(keyOf("address", attempt.address), ADDRESS_ATTEMPTS_PER_WINDOW);
  // Keys in one order, so two attempts that share both rows lock them in the same order.
  const keys = [...limits.keys()].sort();
  const window = sql.raw(`interval '${SIGN_IN_WINDOW_MINUTES} minutes'`);
  const expired = sql`${signInAttempts.windowStartedAt} <= now() - ${window}`;
  const rows = rowsOf<{ key: string; attempts: number; retry_after: number }>(
    await db.execute(sql`
      insert into ${signInAttempts} (key, window_started_at, attempts)
      values ${sql.join(
        keys.map((key) => sql`(${key}, now(), 1)`),
        sql`, `,
      )}
      on conflict (key) do update set
        window_started_at = case when ${expired} then now() else ${signInAttempts.windowStartedAt} end,
        attempts = case when ${expired} then 1 else ${signInAttempts.attempts} + 1 end
      returning key, attempts, ceil(extract(epoch from (window_started_at + ${window} - now())))::int as retry_after`),
  );
  const refused = rows.filter((row) => Number(row.attempts) > (limits.get(row.key) ?? 0));
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, ...refused.map((row) => Number(row.retry_after))) };
}

/** After a successful sign-in: the account starts afresh, and windows that have passed are dropped. */
export async function clearAccountAttempts(db: Database, email: string): Promise<void> {
  const window = sql.raw(`interval '${SIGN_IN_WINDOW_MINUTES} minutes'`);
  await db.delete(signInAttempts).where(or(eq(signInAttempts.key, accountKey(email)), lt(signInAttempts.windowStartedAt, sql`now() - ${window}`)));
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

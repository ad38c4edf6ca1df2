import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Sign-in attempts per account and per client address in the current window, so the limit
 * holds across app instances and restarts. `key` is `account:` or `address:` and a SHA-256 of
 * the email or address: the table never holds an email someone merely typed. Rows whose window
 * has passed mean nothing and are deleted on later sign-ins.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    key: text("key").primaryKey(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull(),
  },
  (table) => [index("sign_in_attempts_window_started_at_idx").on(table.windowStartedAt)],
);

export type SignInAttempt = typeof signInAttempts.$inferSelect;
export type NewSignInAttempt = typeof signInAttempts.$inferInsert;

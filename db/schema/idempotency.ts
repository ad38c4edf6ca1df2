import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per Idempotency-Key a user sent with a booking (C7), kept 24 hours. A booking that
 * landed is found through `meetings.idempotency_key`, written in the booking's own
 * transaction, so a lost answer never hides a committed booking; a refusal is kept here.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of the request body: the same key with another body is refused (422). */
    requestHash: text("request_hash").notNull(),
    /** The refusal the first attempt got, as { code, message, fields? }; null while in flight or once booked. */
    refusal: jsonb("refusal"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
    check("idempotency_keys_key_check", sql`length(${t.key}) between 1 and 255`),
  ],
);

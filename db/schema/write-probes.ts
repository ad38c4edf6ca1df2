import { bigserial, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per call of POST /api/internal/write-probe: the smallest write the app makes (one
 * insert, one transaction). The booking benchmark uses it as the stack's own ceiling, operators
 * as a write health check. Nothing reads these rows; they may be deleted at any time. `user_id`
 * (who probed) has no foreign key on purpose: the probe should cost one insert and nothing else.
 */
export const writeProbes = pgTable("write_probes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  userId: text("user_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type WriteProbe = typeof writeProbes.$inferSelect;
export type NewWriteProbe = typeof writeProbes.$inferInsert;

import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the app's path aliases.
import { LEDGER_CAUSES } from "../../lib/domain/ledger";
import { meetings } from "./meetings";
import { rotations } from "./rotations";
import { users } from "./users";

/**
 * The count ledger (R13): every change to a member's count is a row naming its cause, who
 * and when. A member's count is the sum of their entries in the rotation's current reset
 * generation whose `counts_at` lies in the count window (R14). An entry that undoes another
 * (a deletion, a credit-back, a reassignment away) copies that entry's generation and
 * `counts_at`, so it falls in exactly the windows the entry it undoes fell in.
 */
export const countEntries = pgTable(
  "count_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    generation: integer("generation").notNull(),
    delta: integer("delta").notNull(),
    cause: text("cause", { enum: LEDGER_CAUSES }).notNull(),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    countsAt: timestamp("counts_at", { withTimezone: true }).notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("count_entries_delta_check", sql`${t.delta} <> 0`),
    index("count_entries_window_idx").on(t.rotationId, t.generation, t.countsAt),
    index("count_entries_member_idx").on(t.rotationId, t.userId, t.id),
    index("count_entries_meeting_idx").on(t.meetingId),
  ],
);

/** A user's out-of-office periods (R16), set by themselves or an admin; they apply in every rotation. */
export const outOfOfficePeriods = pgTable(
  "out_of_office_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    note: text("note"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("out_of_office_time_order_check", sql`${t.endsAt} > ${t.startsAt}`), index("out_of_office_user_ends_idx").on(t.userId, t.endsAt)],
);

/**
 * When a member's availability switch (R5) was off in a rotation: keep level (R16) calibrates
 * for these periods as for out-of-office ones. `ended_at` is null while it is still off.
 */
export const unavailablePeriods = pgTable(
  "unavailable_periods",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("unavailable_periods_member_idx").on(t.rotationId, t.userId, t.endedAt)],
);

export type CountEntry = typeof countEntries.$inferSelect;
export type NewCountEntry = typeof countEntries.$inferInsert;
export type OutOfOfficePeriod = typeof outOfOfficePeriods.$inferSelect;

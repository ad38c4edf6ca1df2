import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the app's path aliases.
import { COUNT_WINDOWS, NEWCOMER_POLICIES, RETURN_POLICIES } from "../../lib/domain/rotation-settings";
import { teams, users } from "./users";

export const rotations = pgTable(
  "rotations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    distribution: text("distribution", { enum: ["even", "weighted"] }).notNull().default("even"),
    // Bumped on every reset (R7). A meeting counts when it was booked in the current
    // generation; comparing numbers rather than timestamps keeps a booking that commits
    // right before a reset from being counted after it.
    resetGeneration: integer("reset_generation").notNull().default(0),
    countsResetAt: timestamp("counts_reset_at", { withTimezone: true }).notNull().defaultNow(),
    // The number of the rotation's latest booking. Bookings written together in one
    // transaction share a creation time, so recency (R8) is ordered by this number, which
    // the database hands out under the rotation's lock.
    bookingSeq: integer("booking_seq").notNull().default(0),
    // Fairness settings (DESIGN §8). Every default is HubSpot's behaviour (R7, R8).
    countWindow: text("count_window", { enum: COUNT_WINDOWS }).notNull().default("since_reset"),
    timeZone: text("time_zone").notNull().default("UTC"),
    newcomerPolicy: text("newcomer_policy", { enum: NEWCOMER_POLICIES }).notNull().default("reset_everyone"),
    returnPolicy: text("return_policy", { enum: RETURN_POLICIES }).notNull().default("catch_up"),
    countNoShows: boolean("count_no_shows").notNull().default(true),
    dailyCap: integer("daily_cap"),
    weeklyCap: integer("weekly_cap"),
    monthlyCap: integer("monthly_cap"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rotations_name_lower_key").on(sql`lower(${t.name})`),
    check("rotations_distribution_check", sql`${t.distribution} in ('even', 'weighted')`),
    check("rotations_caps_check", sql`coalesce(${t.dailyCap}, 1) >= 1 and coalesce(${t.weeklyCap}, 1) >= 1 and coalesce(${t.monthlyCap}, 1) >= 1`),
  ],
);

/** Users chosen one by one as members (R1). */
export const rotationUsers = pgTable(
  "rotation_users",
  {
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.rotationId, t.userId] }), index("rotation_users_user_id_idx").on(t.userId)],
);

/** Whole teams chosen as members; their current users are members (R2). */
export const rotationTeams = pgTable(
  "rotation_teams",
  {
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotations.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.rotationId, t.teamId] }), index("rotation_teams_team_id_idx").on(t.teamId)],
);

/**
 * One row per current member (direct ∪ teams), kept in step with the two tables above in
 * the same transaction. The row is deleted when someone stops being a member, so coming
 * back makes a new member (R7). `bookedCount` is the sum of the member's ledger entries
 * (`count_entries`) in the current reset generation, and `lastScheduledAt` their latest
 * counted meeting; both are kept in the same transactions as the entries and tested equal to
 * their derivation, so a proposal reads 20 rows instead of the rotation's history.
 */
export const rotationMembers = pgTable(
  "rotation_members",
  {
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    available: boolean("available").notNull().default(true),
    weight: integer("weight").notNull().default(1),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    // The raw ledger sum; the count shown and ranked is never below zero (R13).
    bookedCount: integer("booked_count").notNull().default(0),
    lastScheduledAt: timestamp("last_scheduled_at", { withTimezone: true }),
    /** The rotation booking number of that latest meeting (`meetings.rotation_seq`): orders recency exactly. */
    lastScheduledSeq: integer("last_scheduled_seq"),
  },
  (t) => [
    primaryKey({ columns: [t.rotationId, t.userId] }),
    index("rotation_members_user_id_idx").on(t.userId),
    check("rotation_members_weight_check", sql`${t.weight} between 1 and 1000`),
  ],
);

export type Rotation = typeof rotations.$inferSelect;
export type RotationMember = typeof rotationMembers.$inferSelect;

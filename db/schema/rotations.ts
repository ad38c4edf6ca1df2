import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rotations_name_lower_key").on(sql`lower(${t.name})`),
    check("rotations_distribution_check", sql`${t.distribution} in ('even', 'weighted')`),
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
 * back makes a new member (R7). `bookedCount` and `lastScheduledAt` are kept in the
 * booking and deletion transactions and are tested equal to their derivation from
 * `meetings`; they let a proposal read 20 rows instead of the rotation's history.
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
    bookedCount: integer("booked_count").notNull().default(0),
    lastScheduledAt: timestamp("last_scheduled_at", { withTimezone: true }),
    /** The rotation booking number of that latest meeting (`meetings.rotation_seq`): orders recency exactly. */
    lastScheduledSeq: integer("last_scheduled_seq"),
  },
  (t) => [
    primaryKey({ columns: [t.rotationId, t.userId] }),
    index("rotation_members_user_id_idx").on(t.userId),
    check("rotation_members_weight_check", sql`${t.weight} between 1 and 1000`),
    check("rotation_members_count_check", sql`${t.bookedCount} >= 0`),
  ],
);

export type Rotation = typeof rotations.$inferSelect;
export type RotationMember = typeof rotationMembers.$inferSelect;

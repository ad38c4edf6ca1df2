import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the app's path aliases.
import { MEETING_OUTCOMES } from "../../lib/domain/rotation-settings";
import { RECORD_TYPES } from "../../lib/domain/records";
import { contacts } from "./crm";
import { rotations } from "./rotations";
import { users } from "./users";
import { calendarConnections } from "./calendar";


/**
 * A booked meeting. Deletion is soft (`deleted_at`) so history and recency survive it.
 * No two live meetings of one host overlap: the exclusion constraint
 * `meetings_host_no_overlap` (custom migration, btree_gist) enforces R10.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    hostUserId: text("host_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    bookedByUserId: text("booked_by_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    rotationId: uuid("rotation_id").references(() => rotations.id, { onDelete: "set null" }),
    // The rotation's reset generation when booked; the meeting counts while it is current.
    rotationGeneration: integer("rotation_generation"),
    // Its number among the rotation's bookings (rotations.booking_seq), the order of recency (R8).
    rotationSeq: integer("rotation_seq"),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: uuid("record_id").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    location: text("location"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // When the meeting counts as scheduled for its host (R8, R14): its booking, or its last
    // reassignment (R19), which also gives it a new rotation_seq.
    countedAt: timestamp("counted_at", { withTimezone: true }).notNull().defaultNow(),
    // R17: completed, no_show or canceled_by_contact; null while unmarked.
    outcome: text("outcome", { enum: MEETING_OUTCOMES }),
    outcomeMarkedAt: timestamp("outcome_marked_at", { withTimezone: true }),
    outcomeMarkedByUserId: text("outcome_marked_by_user_id").references(() => users.id, { onDelete: "set null" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedByUserId: text("deleted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // The Idempotency-Key the booking was sent with (C7), so a retry finds what it booked.
    idempotencyKey: text("idempotency_key"),
    // iCalendar SEQUENCE (C5): raised when a reassignment sends the invitation again.
    sequence: integer("sequence").notNull().default(0),
  },
  (t) => [
    check("meetings_time_order_check", sql`${t.endsAt} > ${t.startsAt}`),
    check("meetings_record_type_check", sql`${t.recordType} in ('contact', 'company', 'deal', 'ticket')`),
    check("meetings_outcome_check", sql`${t.outcome} is null or ${t.outcome} in ('completed', 'no_show', 'canceled_by_contact')`),
    index("meetings_record_idx").on(t.recordType, t.recordId, t.startsAt),
    index("meetings_host_starts_idx").on(t.hostUserId, t.startsAt),
    // Recency of a member in a rotation (R8) without scanning its history.
    index("meetings_idempotency_idx")
      .on(t.bookedByUserId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    // Caps (R18) and keep level (R16) count a rotation's meetings by time.
    index("meetings_rotation_starts_idx").on(t.rotationId, t.startsAt).where(sql`${t.deletedAt} is null`),
    index("meetings_rotation_counted_idx").on(t.rotationId, t.countedAt).where(sql`${t.deletedAt} is null`),
    uniqueIndex("meetings_rotation_seq_key").on(t.rotationId, t.rotationSeq),
    index("meetings_rotation_host_seq_idx")
      .on(t.rotationId, t.hostUserId, t.rotationSeq)
      .where(sql`${t.deletedAt} is null`),
  ],
);

export const meetingAttendees = pgTable(
  "meeting_attendees",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.contactId] })],
);

/** Busy time from a user's connected calendar (built-in provider or an ICS import). */
export const busyBlocks = pgTable(
  "busy_blocks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["builtin", "ics", "caldav", "ical"] }).notNull().default("builtin"),
    // Synced blocks (C2): their connection and the calendar object they were expanded from.
    connectionId: uuid("connection_id").references(() => calendarConnections.id, { onDelete: "cascade" }),
    resourceHref: text("resource_href"),
    summary: text("summary"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    externalUid: text("external_uid"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("busy_blocks_time_order_check", sql`${t.endsAt} > ${t.startsAt}`),
    index("busy_blocks_user_starts_idx").on(t.userId, t.startsAt),
    index("busy_blocks_connection_idx").on(t.connectionId, t.resourceHref),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type BusyBlock = typeof busyBlocks.$inferSelect;

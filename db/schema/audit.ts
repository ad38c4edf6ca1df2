import { bigserial, boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const AUDIT_EVENT_TYPES = [
  "rotation_created",
  "rotation_renamed",
  "rotation_settings_changed",
  "member_added",
  "member_removed",
  "counts_reset",
  "availability_changed",
  "rotation_deleted",
  "meeting_booked",
  "meeting_deleted",
  "count_adjusted",
  "meeting_outcome_marked",
  "meeting_outcome_cleared",
  "meeting_reassigned",
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/**
 * The history of a rotation (R12). `rotation_id` has no foreign key on purpose: the
 * history of a deleted rotation is kept.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    rotationId: uuid("rotation_id"),
    type: text("type", { enum: AUDIT_EVENT_TYPES }).notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    meetingId: uuid("meeting_id"),
    subjectUserId: text("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    proposedHostUserId: text("proposed_host_user_id").references(() => users.id, { onDelete: "set null" }),
    chosenHostUserId: text("chosen_host_user_id").references(() => users.id, { onDelete: "set null" }),
    isOverride: boolean("is_override"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_events_rotation_idx").on(t.rotationId, t.occurredAt),
    index("audit_events_meeting_idx").on(t.meetingId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { meetings } from "./meetings";
import { users } from "./users";

export const CALENDAR_KINDS = ["caldav", "ical"] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/**
 * A user's one connected calendar (C1). The password of a CalDAV account and the whole iCal
 * address (its path is the secret Google and Outlook hand out) are stored encrypted; the
 * columns in clear are what the settings page may show.
 */
export const calendarConnections = pgTable(
  "calendar_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CALENDAR_KINDS }).notNull(),
    // CalDAV: the server as typed and the account; iCal: the address's host, for display.
    serverUrl: text("server_url").notNull(),
    username: text("username"),
    calendarUrl: text("calendar_url"),
    calendarName: text("calendar_name").notNull(),
    secretCiphertext: text("secret_ciphertext").notNull(),
    // Where the next incremental sync starts: sync token, ctag and etags, or HTTP validators.
    syncState: jsonb("sync_state").$type<Record<string, unknown> | null>(),
    // The end of the last expansion of recurring events (C2): past it, stored resources are expanded again.
    expandedUntil: timestamp("expanded_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    // The first failure since the last success (C3); null while syncing works.
    failingSince: timestamp("failing_since", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calendar_connections_user_key").on(t.userId),
    check("calendar_connections_kind_check", sql`${t.kind} in ('caldav', 'ical')`),
    index("calendar_connections_attempt_idx").on(t.lastAttemptAt),
  ],
);

/**
 * The calendar's objects as last fetched: one per CalDAV resource, one for a whole iCal feed.
 * Kept so that recurring events can be expanded further as the horizon moves, without asking
 * the server again.
 */
export const calendarResources = pgTable(
  "calendar_resources",
  {
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => calendarConnections.id, { onDelete: "cascade" }),
    href: text("href").notNull(),
    etag: text("etag"),
    ics: text("ics").notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.href] })],
);

export const OUTBOX_KINDS = ["calendar_put", "calendar_delete", "email"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATUSES = ["pending", "sent", "held", "failed", "canceled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * What a booking, deletion or reassignment owes the outside world (C4, C5), written in that
 * change's own transaction and delivered afterwards by a job, so a calendar or mail server
 * that is down never fails or loses a booking. `held`: mail with no SMTP server configured,
 * kept for admins to read.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: OUTBOX_KINDS }).notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    // Calendar writes: the host's connection; deleting it cancels what is still owed to it.
    connectionId: uuid("connection_id").references(() => calendarConnections.id, { onDelete: "set null" }),
    recipient: text("recipient"),
    subject: text("subject"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // A worker's claim; past it, another worker may take the message over.
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    check("outbox_messages_kind_check", sql`${t.kind} in ('calendar_put', 'calendar_delete', 'email')`),
    check("outbox_messages_status_check", sql`${t.status} in ('pending', 'sent', 'held', 'failed', 'canceled')`),
    index("outbox_messages_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbox_messages_created_idx").on(t.createdAt),
    index("outbox_messages_meeting_idx").on(t.meetingId),
  ],
);

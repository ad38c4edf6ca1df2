import "server-only";
import { z } from "zod";
import { OUTBOX_KINDS, OUTBOX_STATUSES } from "@/db/schema";
import type { ConnectCalendarResult } from "@/lib/server/use-cases/calendar-connection";
import type { CalendarConnectionState } from "@/lib/server/queries/calendar-connection";
import type { OutboxPage } from "@/lib/server/queries/outbox";
import { iso, timestamp } from "./common";

export const calendarConnectionSchema = z.strictObject({
  provider: z.enum(["caldav", "ical", "builtin", "none"]).describe("`builtin`: the demo organisation's calendar kept in the database."),
  serverUrl: z.string().nullable().describe("CalDAV: the server; iCal: the address's host only (the address itself is secret)."),
  username: z.string().nullable(),
  calendarName: z.string().nullable(),
  lastSuccessAt: timestamp.nullable(),
  lastAttemptAt: timestamp.nullable(),
  failingSince: timestamp.nullable().describe("The first failed sync since the last success (C3)."),
  lastError: z.string().nullable(),
  blocksEligibility: z.boolean().describe("Failing for 30 minutes: not eligible for rotations until a sync succeeds (C3)."),
  syncEnabled: z.boolean().describe("The user's calendar sync switch (R3)."),
});

export const connectResultSchema = z.strictObject({
  connected: z.boolean(),
  connectionId: z.string().optional(),
  syncError: z.string().nullable().optional().describe("The first sync's error, if it failed (the connection is kept and retried)."),
  calendars: z.array(z.strictObject({ url: z.string(), displayName: z.string() })).optional().describe("Several calendars found: send one's url as calendarUrl."),
});

export const syncNowSchema = z.strictObject({ ok: z.boolean(), error: z.string().nullable() });
export const disconnectedSchema = z.strictObject({ disconnected: z.boolean().describe("False when nothing was connected.") });

export const outboxPageSchema = z.strictObject({
  entries: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(OUTBOX_KINDS),
      status: z.enum(OUTBOX_STATUSES).describe("`held`: mail kept because no SMTP server is configured."),
      meetingId: z.string().nullable(),
      recipient: z.string().nullable(),
      subject: z.string().nullable(),
      attempts: z.int(),
      lastError: z.string().nullable(),
      createdAt: timestamp,
      deliveredAt: timestamp.nullable(),
      nextAttemptAt: timestamp.nullable(),
      message: z.strictObject({ method: z.string(), text: z.string(), html: z.string(), ics: z.string() }).nullable(),
    }),
  ),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

export function presentConnectionState(state: CalendarConnectionState): z.input<typeof calendarConnectionSchema> {
  return { ...state, lastSuccessAt: iso(state.lastSuccessAt), lastAttemptAt: iso(state.lastAttemptAt), failingSince: iso(state.failingSince) };
}

export function presentConnectResult(result: ConnectCalendarResult): z.input<typeof connectResultSchema> {
  return result.connected ? { connected: true, connectionId: result.connectionId, syncError: result.syncError } : { connected: false, calendars: result.calendars };
}

export function presentOutbox(page: OutboxPage): z.input<typeof outboxPageSchema> {
  return {
    ...page,
    entries: page.entries.map((e) => ({ ...e, createdAt: iso(e.createdAt), deliveredAt: iso(e.deliveredAt), nextAttemptAt: iso(e.nextAttemptAt) })),
  };
}

import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { env } from "@/lib/env";
import { buildInvitation } from "@/lib/server/mail/invitation";
import { meetingEventIcs, type ItipMethod, type MeetingEvent } from "@/lib/server/mail/meeting-event";
import { loadMeetingsForOutbox, loadPeople, type Person } from "./meeting-events";

type NewOutboxMessage = typeof outboxMessages.$inferInsert;

/** What changed about meetings, as the outbox needs to tell calendars and people (C4, C5). */
export type MeetingChange =
  | { kind: "booked"; meetingIds: readonly string[] }
  | { kind: "deleted"; meetingId: string }
  | { kind: "reassigned"; meetingId: string; previousHostId: string };

/**
 * Writes what a meeting change owes the outside world, in the change's own transaction: if the
 * change rolls back, nothing is sent; if it commits, a worker delivers it however long the
 * calendar or mail server is away. The caller wakes the workers after commit (wakeOutbox).
 */
export async function enqueueMeetingChange(tx: Database, change: MeetingChange): Promise<void> {
  const ids = change.kind === "booked" ? change.meetingIds : [change.meetingId];
  const loaded = await loadMeetingsForOutbox(tx, ids);
  const previousHosts = change.kind === "reassigned" ? await loadPeople(tx, [change.previousHostId]) : new Map<string, Person>();
  const messages: NewOutboxMessage[] = [];
  for (const { event, host } of loaded) {
    if (change.kind === "booked") {
      messages.push(...calendarWrite("calendar_put", event, host), ...invitations("REQUEST", event, [host, ...event.attendees]));
    } else if (change.kind === "deleted") {
      messages.push(...calendarWrite("calendar_delete", event, host), ...invitations("CANCEL", event, [host, ...event.attendees]));
    } else {
      const previous = previousHosts.get(change.previousHostId);
      if (previous) {
        messages.push(...calendarWrite("calendar_delete", event, previous));
        messages.push(...invitations("CANCEL", { ...event, organizer: { name: previous.name, email: previous.email } }, [previous]));
      }
      messages.push(...calendarWrite("calendar_put", event, host), ...invitations("REQUEST", event, [host, ...event.attendees]));
    }
  }
  if (messages.length === 0) return;
  await supersedeCalendarWrites(tx, messages);
  await tx.insert(outboxMessages).values(messages);
}

/** C4: the host's CalDAV calendar gets the event (or loses it); iCal addresses are read-only. */
function calendarWrite(kind: "calendar_put" | "calendar_delete", event: MeetingEvent, owner: Person): NewOutboxMessage[] {
  if (!owner.caldavConnectionId) return [];
  const payload = kind === "calendar_put" ? { uid: event.id, ics: meetingEventIcs(event, null) } : { uid: event.id };
  return [{ id: randomUUID(), kind, meetingId: event.id, connectionId: owner.caldavConnectionId, recipient: owner.email, subject: event.title, payload }];
}

type Recipient = { name: string; email: string; timeZone?: string };

/** C5: one message per address (the worker holds them for admins to read when no SMTP_URL is set). */
function invitations(method: ItipMethod, event: MeetingEvent, recipients: Recipient[]): NewOutboxMessage[] {
  const { MAIL_FROM } = env();
  const seen = new Set<string>();
  return recipients.flatMap((recipient) => {
    const address = recipient.email.toLowerCase();
    if (!address || seen.has(address)) return [];
    seen.add(address);
    const id = randomUUID();
    const message = buildInvitation({
      outboxId: id,
      from: MAIL_FROM,
      method,
      event,
      recipient: { name: recipient.name, email: recipient.email, timeZone: recipient.timeZone ?? null },
    });
    return [{ id, kind: "email" as const, meetingId: event.id, recipient: recipient.email, subject: message.subject, payload: { ...message } }];
  });
}

/**
 * A newer write of the same meeting to the same calendar makes older ones that no worker
 * holds pointless: only the latest state matters (the put carries the whole event).
 */
async function supersedeCalendarWrites(tx: Database, messages: NewOutboxMessage[]): Promise<void> {
  const pairs = messages.filter((m) => m.kind !== "email" && m.meetingId && m.connectionId);
  if (pairs.length === 0) return;
  await tx
    .update(outboxMessages)
    .set({ status: "canceled", lastError: "Superseded by a later change to the meeting." })
    .where(
      and(
        eq(outboxMessages.status, "pending"),
        inArray(outboxMessages.kind, ["calendar_put", "calendar_delete"]),
        or(isNull(outboxMessages.leasedUntil), lt(outboxMessages.leasedUntil, sql`now()`)),
        or(...pairs.map((m) => and(eq(outboxMessages.meetingId, m.meetingId!), eq(outboxMessages.connectionId, m.connectionId!)))),
      ),
    );
}

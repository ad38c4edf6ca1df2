import "server-only";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { calendarConnections, outboxMessages } from "@/db/schema";
import { deleteCalendarEvent, putCalendarEvent } from "@/lib/server/calendar/remote/caldav";
import { caldavCredentials } from "@/lib/server/calendar/connection-secrets";
import type { MailMessage } from "@/lib/server/mail/invitation";
import type { MailSender } from "@/lib/server/mail/smtp";
import { retryDelayMs, shouldGiveUp } from "@/lib/domain/delivery-retry";

type OutboxMessage = typeof outboxMessages.$inferSelect;

export interface DeliveryDeps {
  /** Null when no SMTP_URL is set: mail is held for admins to read. */
  mail: MailSender | null;
  now?: () => Date;
  batchSize?: number;
}

/** How each message of a round ended: delivered, held (no SMTP), canceled (calendar gone), or not yet. */
export type DeliveryRound = Record<"sent" | "held" | "canceled" | "retrying" | "failed", number>;

// Longer than any one delivery can take (every remote call has a 15 s timeout), so a claim
// never runs out under a worker that is still sending: nothing goes out twice.
const LEASE = sql`interval '2 minutes'`;

/**
 * Delivers every message that is due, claiming each with a lease first (any number of workers
 * can run this). Claims are short transactions and deliveries happen outside them, so a slow
 * calendar server holds no database session. Returns when nothing is due.
 */
export async function deliverDueOutbox(db: Database, deps: DeliveryDeps): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, held: 0, canceled: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDue(db, deps.batchSize ?? 20, (deps.now ?? (() => new Date()))());
    if (claimed.length === 0) return round;
    for (const message of claimed) {
      const outcome = await deliverOne(db, message, deps);
      round[outcome] += 1;
    }
  }
}

/**
 * Due messages, oldest first. A calendar write waits while an older write of the same meeting
 * to the same calendar is still pending, so a delete never overtakes the put it undoes.
 */
async function claimDue(db: Database, limit: number, now: Date): Promise<OutboxMessage[]> {
  const result = await db.execute(sql`
    update ${outboxMessages} o
    set leased_until = now() + ${LEASE}, attempts = o.attempts + 1
    where o.id in (
      select c.id from ${outboxMessages} c
      where c.status = 'pending' and c.next_attempt_at <= ${now.toISOString()}::timestamptz
        and (c.leased_until is null or c.leased_until < now())
        and (c.kind = 'email' or not exists (
          select 1 from ${outboxMessages} e
          where e.kind <> 'email' and e.status = 'pending' and e.meeting_id = c.meeting_id
            and e.connection_id = c.connection_id and e.created_at < c.created_at))
      order by c.created_at
      limit ${limit}
      for update skip locked)
    returning o.id`);
  const ids = rowsOf<{ id: string }>(result);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(sql`${outboxMessages.id} in (${sql.join(ids.map((r) => sql`${r.id}::uuid`), sql`, `)})`);
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

async function deliverOne(db: Database, message: OutboxMessage, deps: DeliveryDeps): Promise<keyof DeliveryRound> {
  try {
    const done = await send(db, message, deps);
    await db
      .update(outboxMessages)
      .set({ status: done, leasedUntil: null, lastError: done === "canceled" ? "The calendar was disconnected." : null, deliveredAt: done === "sent" ? new Date() : null })
      .where(eq(outboxMessages.id, message.id));
    return done;
  } catch (error) {
    const now = (deps.now ?? (() => new Date()))();
    const permanent = (error as { permanent?: boolean }).permanent === true;
    const giveUp = shouldGiveUp(message.createdAt, now, permanent);
    await db
      .update(outboxMessages)
      .set({
        status: giveUp ? "failed" : "pending",
        leasedUntil: null,
        lastError: error instanceof Error ? error.message : String(error),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
      })
      .where(eq(outboxMessages.id, message.id));
    return giveUp ? "failed" : "retrying";
  }
}

/** One delivery; throws to retry. Returns the status the message ends in. */
async function send(db: Database, message: OutboxMessage, deps: DeliveryDeps): Promise<"sent" | "held" | "canceled"> {
  if (message.kind === "email") {
    if (!deps.mail) return "held";
    await deps.mail.send(message.payload as unknown as MailMessage);
    return "sent";
  }
  if (!message.connectionId) return "canceled";
  const [connection] = await db.select().from(calendarConnections).where(eq(calendarConnections.id, message.connectionId));
  if (!connection || connection.kind !== "caldav" || !connection.calendarUrl) return "canceled";
  const credentials = caldavCredentials(connection);
  const { uid, ics } = message.payload as { uid: string; ics?: string };
  if (message.kind === "calendar_put") await putCalendarEvent(credentials, connection.calendarUrl, uid, ics ?? "");
  else await deleteCalendarEvent(credentials, connection.calendarUrl, uid);
  return "sent";
}

import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { OUTBOX_STATUSES, outboxMessages, type OutboxKind, type OutboxStatus } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";

export const OUTBOX_PAGE_SIZE = 50;

export const outboxQuerySchema = z.strictObject({
  status: z.enum(OUTBOX_STATUSES, { message: `Choose one of: ${OUTBOX_STATUSES.join(", ")}.` }).optional().describe("Only messages in this state."),
  page: z.coerce.number({ message: "Use a page number from 1." }).int("Use a page number from 1.").min(1, "Use a page number from 1.").max(10_000).optional().describe("Page, 50 a page, newest first."),
});

export interface OutboxEntry {
  id: string;
  kind: OutboxKind;
  status: OutboxStatus;
  meetingId: string | null;
  recipient: string | null;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
  /** Mail only: the message as it is (or would be) sent. */
  message: { method: string; text: string; html: string; ics: string } | null;
}

export interface OutboxPage {
  entries: OutboxEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** Settings → Outbox (C5): admins read what was sent, what waits and why, newest first. */
export async function listOutbox(db: Database, actor: Actor, query: z.output<typeof outboxQuerySchema>): Promise<Result<OutboxPage>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can read the outbox.");
  const page = query.page ?? 1;
  const where = query.status ? eq(outboxMessages.status, query.status) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(outboxMessages).where(where).orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id)).limit(OUTBOX_PAGE_SIZE).offset((page - 1) * OUTBOX_PAGE_SIZE),
    db.select({ value: count() }).from(outboxMessages).where(where),
  ]);
  return ok({ entries: rows.map(toEntry), total: total?.value ?? 0, page, pageSize: OUTBOX_PAGE_SIZE });
}

function toEntry(row: typeof outboxMessages.$inferSelect): OutboxEntry {
  const payload = row.payload as { method?: string; text?: string; html?: string; ics?: string };
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    meetingId: row.meetingId,
    recipient: row.recipient,
    subject: row.subject,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt : null,
    message: row.kind === "email" ? { method: payload.method ?? "", text: payload.text ?? "", html: payload.html ?? "", ics: payload.ics ?? "" } : null,
  };
}

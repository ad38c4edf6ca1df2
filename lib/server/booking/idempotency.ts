import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents, idempotencyKeys, meetings } from "@/db/schema";
import { fail, ok, type AppError, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import type { BookedMeeting } from "./booked-meeting";

// Idempotent booking (C7): a client that lost the answer to a booking sends it again with the
// same Idempotency-Key and gets the first answer instead of a second meeting. Everything lives
// in the database, so a retry that lands on another app instance is answered the same.

const KEPT = sql`interval '24 hours'`;
/** A claim with no answer this old belongs to an attempt that died (a booking takes milliseconds). */
const ABANDONED = sql`interval '60 seconds'`;
/** Printable ASCII, as HTTP header values are; the length the table allows. */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

export function isIdempotencyKey(value: string): boolean {
  return KEY_FORMAT.test(value);
}

/** The request's fingerprint: its JSON with keys sorted, so key order does not matter. */
function fingerprint(input: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return createHash("sha256").update(JSON.stringify(canonical(input)) ?? "").digest("hex");
}

/**
 * Runs `book` at most once per (user, key) within 24 hours. A repeat gets the first answer: the
 * meeting it booked (found through the key written on the meeting in the booking's own
 * transaction), or the refusal it got. The same key with another body is 422; a repeat while the
 * first attempt is still running is 409.
 */
export async function bookOncePerKey(db: Database, actor: Actor, key: string, input: unknown, book: () => Promise<Result<BookedMeeting>>): Promise<Result<BookedMeeting>> {
  if (!isIdempotencyKey(key)) return fail("validation", "The Idempotency-Key must be 1–255 printable ASCII characters.");
  const requestHash = fingerprint(input);
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, actor.id), lt(idempotencyKeys.createdAt, sql`now() - ${KEPT}`)));
  const [claimed] = await db.insert(idempotencyKeys).values({ userId: actor.id, key, requestHash }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (!claimed) {
    const earlier = await answerOfEarlierAttempt(db, actor, key, requestHash);
    if (earlier) return earlier;
  }
  // A booking may have committed under this key while its claim was lost (a database outage).
  const booked = await findBookedWithKey(db, actor.id, key);
  if (booked) return ok(booked);

  const result = await book();
  if (!result.ok && result.error.code === "unavailable") {
    // Maybe committed, maybe not: the next attempt looks for the meeting before booking again.
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, actor.id), eq(idempotencyKeys.key, key))).catch(() => {});
  } else if (!result.ok) {
    await db.update(idempotencyKeys).set({ refusal: result.error }).where(and(eq(idempotencyKeys.userId, actor.id), eq(idempotencyKeys.key, key)));
  }
  return result;
}

/** The answer a repeat gets, or undefined when this attempt should book (the first one died). */
async function answerOfEarlierAttempt(db: Database, actor: Actor, key: string, requestHash: string): Promise<Result<BookedMeeting> | undefined> {
  const mine = and(eq(idempotencyKeys.userId, actor.id), eq(idempotencyKeys.key, key));
  const [row] = await db.select().from(idempotencyKeys).where(mine);
  if (!row) return undefined;
  if (row.requestHash !== requestHash) {
    return fail("idempotency_key_reused", "This Idempotency-Key was used with a different request. Use a new key for a new booking.");
  }
  if (row.refusal) return { ok: false, error: row.refusal as AppError };
  const booked = await findBookedWithKey(db, actor.id, key);
  if (booked) return ok(booked);
  // Take over a claim abandoned by an attempt that died; only one repeat can win it.
  const [taken] = await db
    .update(idempotencyKeys)
    .set({ createdAt: sql`now()` })
    .where(and(mine, lt(idempotencyKeys.createdAt, sql`now() - ${ABANDONED}`)))
    .returning({ key: idempotencyKeys.key });
  if (taken) return undefined;
  return fail("idempotency_key_in_use", "A booking with this Idempotency-Key is still in progress. Try again in a moment.");
}

/** The meeting this user booked with this key in the last 24 hours, as the booking answered it. */
async function findBookedWithKey(db: Database, userId: string, key: string): Promise<BookedMeeting | undefined> {
  const [row] = await db
    .select({
      meetingId: meetings.id,
      hostUserId: meetings.hostUserId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      rotationId: meetings.rotationId,
      proposedHostUserId: auditEvents.proposedHostUserId,
      isOverride: auditEvents.isOverride,
    })
    .from(meetings)
    .leftJoin(auditEvents, and(eq(auditEvents.meetingId, meetings.id), eq(auditEvents.type, "meeting_booked")))
    .where(and(eq(meetings.bookedByUserId, userId), eq(meetings.idempotencyKey, key), gt(meetings.createdAt, sql`now() - ${KEPT}`)))
    .orderBy(desc(meetings.createdAt))
    .limit(1);
  if (!row) return undefined;
  // The ranking shown at booking time is not kept; a repeat answers the same meeting without it.
  return { ...row, isOverride: row.isOverride ?? false, ranking: null, replayed: true };
}

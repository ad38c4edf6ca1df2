import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { auditEvents, meetings, type AuditEventType } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { actorFor, insertAdmin, insertContact, insertRep, insertUser, type UserOptions } from "./factories";
import { unwrap } from "./rotation-counts";

/** A fixed clock: Sunday 2030-01-06 12:00 UTC. Every booked time is after it. */
export const NOW = new Date("2030-01-06T12:00:00Z");
const MONDAY_9_UTC = Date.parse("2030-01-07T09:00:00Z");

/** The n-th half hour from Monday 2030-01-07 09:00 UTC (n = 0…15 stays inside 09:00–17:00). */
export function slot(n: number, minutesLater = 0): string {
  return new Date(MONDAY_9_UTC + n * 30 * 60_000 + minutesLater * 60_000).toISOString();
}

export interface BookingOptions {
  rotationId?: string;
  hostUserId?: string;
  durationMinutes?: number;
}

export function bookingInput(contactId: string, start: string, options: BookingOptions = {}) {
  return { recordType: "contact", recordId: contactId, title: "Intro call", start, durationMinutes: 30, ...options };
}

/**
 * An admin, a rep allowed to book, a contact, and a rotation "Inbound" of the given members
 * (ids in the order they are created, so they also join in that order).
 */
export async function rotationFixture(db: Database, members: Array<string | UserOptions>, rotation: { name?: string; distribution?: "even" | "weighted"; weights?: Record<string, number> } = {}) {
  const admin = await actorFor(db, (await insertAdmin(db, { id: "admin" })).id);
  const rep = await actorFor(db, (await insertRep(db, { id: "rep" })).id);
  const memberIds: string[] = [];
  for (const member of members) memberIds.push((await insertUser(db, typeof member === "string" ? { id: member } : member)).id);
  const contactId = await insertContact(db);
  const { rotationId } = unwrap(await createRotation(db, admin, { name: rotation.name ?? "Inbound", userIds: memberIds, distribution: rotation.distribution, weights: rotation.weights }));
  /** Books through the rotation as `by` (the rep by default); no host = auto-assign. */
  const book = (start: string, hostUserId?: string, by: Actor = rep) =>
    bookMeeting(db, by, bookingInput(contactId, start, { rotationId, hostUserId }), NOW);
  return { admin, rep, memberIds, contactId, rotationId, book };
}

export async function countRows(db: Database, table: typeof meetings | typeof auditEvents): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}

export async function auditOf(db: Database, type: AuditEventType) {
  return db.select().from(auditEvents).where(eq(auditEvents.type, type)).orderBy(auditEvents.id);
}

/** How many results ended each way: { ok: n, slot_taken: m, … }. */
export function codes<T>(results: Result<T>[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const r of results) tally[r.ok ? "ok" : r.error.code] = (tally[r.ok ? "ok" : r.error.code] ?? 0) + 1;
  return tally;
}

/** Pairs of live meetings of one host that overlap: must be none (R10). */
export async function overlappingPairs(db: Database): Promise<number> {
  const other = alias(meetings, "other");
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .innerJoin(
      other,
      and(
        eq(other.hostUserId, meetings.hostUserId),
        lt(meetings.id, other.id),
        sql`tstzrange(${meetings.startsAt}, ${meetings.endsAt}) && tstzrange(${other.startsAt}, ${other.endsAt})`,
      ),
    )
    .where(and(isNull(meetings.deletedAt), isNull(other.deletedAt)));
  return row?.n ?? -1;
}

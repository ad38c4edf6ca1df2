import "server-only";
import { sql } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import type { meetings } from "@/db/schema";
import type { Ranking } from "@/lib/domain/ranking";
import type { Interval } from "@/lib/domain/slots";
import type { Actor } from "@/lib/server/actor";
import type { BookMeetingInput } from "./input";

/** A booking that passed authorization and validation; what is left is choosing and writing. */
export interface ReadyBooking {
  actor: Actor;
  input: BookMeetingInput;
  interval: Interval;
  attendeeContactIds: string[];
  /** The client's Idempotency-Key (C7), written on the meeting so a retry finds it. */
  idempotencyKey?: string;
}

export interface BookedMeeting {
  meetingId: string;
  hostUserId: string;
  startsAt: Date;
  endsAt: Date;
  rotationId: string | null;
  proposedHostUserId: string | null;
  isOverride: boolean;
  /** The ranking the host was chosen from, for rotation bookings. */
  ranking: Ranking | null;
  /** True when this answers a repeat of an earlier request with the same Idempotency-Key (C7). */
  replayed?: boolean;
}

export interface HostDecision {
  host: string;
  ranking: Ranking | null;
  isOverride: boolean;
  generation: number | null;
  /** The booking's number in its rotation (R8's order); null on the rep's own calendar. */
  rotationSeq: number | null;
}

/** The meeting row and the answer for one booking whose host is decided. */
export function meetingToInsert(id: string, booking: ReadyBooking, decision: HostDecision): { row: PgInsertValue<typeof meetings>; booked: BookedMeeting } {
  const { input, interval } = booking;
  const row: PgInsertValue<typeof meetings> = {
    id,
    hostUserId: decision.host,
    bookedByUserId: booking.actor.id,
    rotationId: input.rotationId ?? null,
    rotationGeneration: decision.generation,
    recordType: input.recordType,
    recordId: input.recordId,
    title: input.title,
    startsAt: interval.start,
    endsAt: interval.end,
    location: input.location || null,
    idempotencyKey: booking.idempotencyKey ?? null,
    rotationSeq: decision.rotationSeq,
    // The clock at the insert, not at the transaction's start: a batch that waited for the
    // rotation's lock must not look older than the batch it waited for.
    createdAt: sql`clock_timestamp()`,
    countedAt: sql`clock_timestamp()`,
  };
  const booked: BookedMeeting = {
    meetingId: id,
    hostUserId: decision.host,
    startsAt: interval.start,
    endsAt: interval.end,
    rotationId: input.rotationId ?? null,
    proposedHostUserId: decision.ranking?.proposed?.userId ?? null,
    isOverride: decision.isOverride,
    ranking: decision.ranking,
  };
  return { row, booked };
}

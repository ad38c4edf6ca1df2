import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { countEntries, rotationMembers, type Meeting } from "@/db/schema";
import type { LedgerCause } from "@/lib/domain/ledger";
import { latestScheduledSql } from "@/lib/server/rotations/repository";

/** One change to a member's count (R13). `countsAt` defaults to the transaction's time. */
export interface LedgerChange {
  rotationId: string;
  userId: string;
  /** The reset generation the entry belongs to; only the rotation's current one counts (R7). */
  generation: number;
  delta: number;
  cause: LedgerCause;
  meetingId?: string | null;
  countsAt?: Date | SQL;
  actorUserId?: string | null;
  reason?: string | null;
}

/**
 * Appends entries to the ledger and adds those of the current generation to the members'
 * kept sums (`rotation_members.booked_count`), in the caller's transaction, which holds the
 * rotation's lock. Kept sum and ledger are tested equal after every kind of change.
 */
export async function appendToLedger(tx: Database, currentGeneration: number, changes: readonly LedgerChange[]): Promise<void> {
  const entries = changes.filter((c) => c.delta !== 0);
  if (entries.length === 0) return;
  await tx.insert(countEntries).values(
    entries.map((c) => ({
      rotationId: c.rotationId,
      userId: c.userId,
      generation: c.generation,
      delta: c.delta,
      cause: c.cause,
      meetingId: c.meetingId ?? null,
      countsAt: c.countsAt ?? sql`now()`,
      actorUserId: c.actorUserId ?? null,
      reason: c.reason ?? null,
    })),
  );
  const sums = new Map<string, { rotationId: string; userId: string; delta: number }>();
  for (const c of entries) {
    if (c.generation !== currentGeneration) continue;
    const key = `${c.rotationId}/${c.userId}`;
    const sum = sums.get(key) ?? { rotationId: c.rotationId, userId: c.userId, delta: 0 };
    sum.delta += c.delta;
    sums.set(key, sum);
  }
  for (const { rotationId, userId, delta } of sums.values()) {
    if (delta === 0) continue;
    await tx
      .update(rotationMembers)
      .set({ bookedCount: sql`${rotationMembers.bookedCount} + ${delta}` })
      .where(and(eq(rotationMembers.rotationId, rotationId), eq(rotationMembers.userId, userId)));
  }
}

/**
 * What one meeting adds to its host's count now: the sum of its entries for that host in the
 * meeting's generation (a reassignment after a reset moves the meeting into the new one).
 */
export async function meetingNet(tx: Database, meeting: Pick<Meeting, "id" | "hostUserId" | "rotationId" | "rotationGeneration">): Promise<number> {
  if (!meeting.rotationId || meeting.rotationGeneration === null) return 0;
  const [row] = await tx
    .select({ net: sql<number>`coalesce(sum(${countEntries.delta}), 0)`.mapWith(Number) })
    .from(countEntries)
    .where(
      and(
        eq(countEntries.rotationId, meeting.rotationId),
        eq(countEntries.meetingId, meeting.id),
        eq(countEntries.userId, meeting.hostUserId),
        eq(countEntries.generation, meeting.rotationGeneration),
      ),
    );
  return row?.net ?? 0;
}

/**
 * An entry that takes back all a meeting still adds to its host (a deletion, a reassignment
 * away). It copies the meeting's generation and counting time, so it falls in the same
 * windows as the entries it undoes.
 */
export async function undoMeeting(
  tx: Database,
  currentGeneration: number,
  meeting: Meeting,
  change: { cause: LedgerCause; actorUserId: string; reason?: string | null },
): Promise<number> {
  if (!meeting.rotationId || meeting.rotationGeneration === null) return 0;
  const net = await meetingNet(tx, meeting);
  await appendToLedger(tx, currentGeneration, [
    { rotationId: meeting.rotationId, userId: meeting.hostUserId, generation: meeting.rotationGeneration, delta: -net, cause: change.cause, meetingId: meeting.id, countsAt: meeting.countedAt, actorUserId: change.actorUserId, reason: change.reason },
  ]);
  return net;
}

/** Recomputes a member's recency (R8) from their live meetings, after one stopped counting for them. */
export async function refreshRecency(tx: Database, rotationId: string, userId: string): Promise<void> {
  await tx
    .update(rotationMembers)
    .set(latestScheduledSql(rotationId, userId))
    .where(and(eq(rotationMembers.rotationId, rotationId), eq(rotationMembers.userId, userId)));
}

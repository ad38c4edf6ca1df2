import "server-only";
import { and, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, type Rotation } from "@/db/schema";
import type { LedgerChange } from "./ledger";

/**
 * R17 when the setting itself changes: every live meeting of the current generation marked
 * no-show or canceled is credited back (−1) when they stop counting, or restored (+1) when
 * they count again, so the ledger says what the counts now are. `since` limits the read to
 * a count window, for a preview.
 */
export async function noShowCreditChanges(
  db: Database,
  rotation: Rotation,
  nowCounting: boolean,
  actorUserId: string | null,
  since?: Date,
): Promise<LedgerChange[]> {
  const marked = await db
    .select({ id: meetings.id, hostUserId: meetings.hostUserId, countedAt: meetings.countedAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.rotationId, rotation.id),
        eq(meetings.rotationGeneration, rotation.resetGeneration),
        isNull(meetings.deletedAt),
        inArray(meetings.outcome, ["no_show", "canceled_by_contact"]),
        since ? gte(meetings.countedAt, since) : undefined,
      ),
    );
  return marked.map((m) => ({
    rotationId: rotation.id,
    userId: m.hostUserId,
    generation: rotation.resetGeneration,
    delta: nowCounting ? 1 : -1,
    cause: nowCounting ? ("credit_restored" as const) : ("credit_back" as const),
    meetingId: m.id,
    countsAt: m.countedAt,
    actorUserId,
  }));
}

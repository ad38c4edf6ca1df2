import "server-only";
import { and, inArray, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarConnections } from "@/db/schema";
import { runDetached } from "@/lib/server/booking/detached";
import { syncConnection } from "./sync-connection";
import { PROPOSAL_WAITS_AT_MOST_MS, STALE_AFTER_MS } from "./timing";

// A connection that just failed is not asked again by every dialog that opens.
const RETRY_FAILED_AFTER_MS = 60_000;

/** Syncs under way in this process, so that ten dialogs opening at once make one request. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * C2: before a proposal, calendars last synced more than 10 minutes ago are synced, but the
 * caller waits at most 2 s; syncs still running then finish in the background. Returns, per
 * user whose calendar is still stale, when it was last synced ("calendar as of 12:04").
 * With fresh calendars this is one indexed read and no remote call.
 */
export async function refreshStaleCalendars(db: Database, userIds: readonly string[], now = new Date(), budgetMs = PROPOSAL_WAITS_AT_MOST_MS): Promise<Map<string, Date | null>> {
  if (userIds.length === 0) return new Map();
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const stale = await db
    .select({ id: calendarConnections.id, userId: calendarConnections.userId, lastSuccessAt: calendarConnections.lastSuccessAt, lastAttemptAt: calendarConnections.lastAttemptAt })
    .from(calendarConnections)
    .where(and(inArray(calendarConnections.userId, [...userIds]), or(isNull(calendarConnections.lastSuccessAt), lt(calendarConnections.lastSuccessAt, staleBefore))));
  if (stale.length === 0) return new Map();

  const retryBefore = now.getTime() - RETRY_FAILED_AFTER_MS;
  const syncs = stale
    .filter((c) => !c.lastAttemptAt || c.lastAttemptAt.getTime() < retryBefore || (c.lastSuccessAt?.getTime() ?? 0) >= c.lastAttemptAt.getTime())
    .map((c) => syncOnce(db, c.id));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(syncs), new Promise((resolve) => (timer = setTimeout(resolve, budgetMs)))]);
  clearTimeout(timer);

  const after = await db
    .select({ userId: calendarConnections.userId, lastSuccessAt: calendarConnections.lastSuccessAt })
    .from(calendarConnections)
    .where(inArray(calendarConnections.id, stale.map((c) => c.id)));
  return new Map(after.filter((c) => !c.lastSuccessAt || c.lastSuccessAt < staleBefore).map((c) => [c.userId, c.lastSuccessAt]));
}

function syncOnce(db: Database, connectionId: string): Promise<unknown> {
  const running = inFlight.get(connectionId);
  if (running) return running;
  const sync = new Promise<unknown>((resolve) => {
    // Detached from the request: a sync that outlives the 2 s budget still completes.
    runDetached(() => {
      syncConnection(db, connectionId)
        .catch((error: unknown) => console.error("[calendar] sync failed:", error instanceof Error ? error.message : error))
        .finally(() => {
          inFlight.delete(connectionId);
          resolve(undefined);
        });
    });
  });
  inFlight.set(connectionId, sync);
  return sync;
}

import "server-only";
import { isNull, lt, or } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { calendarConnections } from "@/db/schema";
import { syncConnection } from "@/lib/server/calendar/sync/sync-connection";
import { SYNC_EVERY_MS } from "@/lib/server/calendar/sync/timing";
import { deliverDueOutbox } from "@/lib/server/outbox/deliver";
import type { JobRuntimeOptions } from "./runtime";
import { startTicker, startWorkerLoop, type WorkerLoop } from "./worker-loop";

export const QUEUES = {
  /** Deliver what the outbox holds; sent after every commit that wrote to it, and every minute. */
  outbox: "outbox-deliver",
  /** Sync one calendar connection; data { connectionId }. */
  calendarSync: "calendar-sync",
} as const;

const SYNCS_AT_ONCE = 4;
const SWEEP_SLACK_MS = 30_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * Creates the queues and, for a working process, starts its workers and the minute sweeps.
 * Returns what must be stopped before pg-boss itself.
 */
export async function registerJobs(boss: PgBoss, db: Database, options: JobRuntimeOptions): Promise<WorkerLoop[]> {
  // `stately`: at most one waiting and one running job (per connection for syncs), however often they are sent.
  await boss.createQueue(QUEUES.outbox, { name: QUEUES.outbox, policy: "stately" });
  await boss.createQueue(QUEUES.calendarSync, { name: QUEUES.calendarSync, policy: "stately", retryLimit: 0 });
  if (!options.work) return [];
  const intervalMs = (options.pollingIntervalSeconds ?? 2) * 1000;
  const deliver = () => deliverDueOutbox(db, { mail: options.mail }).then(() => undefined);
  return [
    startWorkerLoop(boss, QUEUES.outbox, intervalMs, deliver),
    // Syncs wait on remote servers, so a process runs several at once.
    ...Array.from({ length: SYNCS_AT_ONCE }, () => startWorkerLoop<{ connectionId: string }>(boss, QUEUES.calendarSync, intervalMs, (data) => syncConnection(db, data.connectionId).then(() => undefined))),
    // Every minute: what failed and is due again, and calendars not read for 5 minutes. Each
    // working process sweeps; the stately queues make extra sends harmless.
    startTicker(SWEEP_EVERY_MS, async () => {
      await wakeOutboxWith(boss);
      await queueDueSyncs(boss, db);
    }),
  ];
}

/**
 * C2: every connection is read at least every 5 minutes, each by one worker at a time. Due
 * half a minute early, so that a sweep once a minute never lets one slip past 5 minutes.
 */
export async function queueDueSyncs(boss: PgBoss, db: Database, now = new Date()): Promise<number> {
  const dueBefore = new Date(now.getTime() - SYNC_EVERY_MS + SWEEP_SLACK_MS);
  const due = await db
    .select({ id: calendarConnections.id })
    .from(calendarConnections)
    .where(or(isNull(calendarConnections.lastAttemptAt), lt(calendarConnections.lastAttemptAt, dueBefore)));
  for (const { id } of due) await boss.send(QUEUES.calendarSync, { connectionId: id }, { singletonKey: id });
  return due.length;
}

export function wakeOutboxWith(boss: PgBoss): Promise<unknown> {
  return boss.send(QUEUES.outbox, {});
}


import "server-only";
import { isNull, lt, or } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { calendarConnections } from "@/db/schema";
import { syncConnection } from "@/lib/server/calendar/sync/sync-connection";
import { SYNC_EVERY_MS } from "@/lib/server/calendar/sync/timing";
import { deliverDueOutbox } from "@/lib/server/outbox/deliver";
import type { JobRuntimeOptions } from "./runtime";

export const QUEUES = {
  /** Deliver what the outbox holds; sent after every commit that wrote to it, and every minute. */
  outbox: "outbox-deliver",
  /** Sync one calendar connection; data { connectionId }. */
  calendarSync: "calendar-sync",
  /** Every minute: queue a sync for each connection not tried for 5 minutes. */
  calendarSweep: "calendar-sweep",
} as const;

const SYNCS_AT_ONCE = 4;
const SWEEP_SLACK_MS = 30_000;

export async function registerJobs(boss: PgBoss, db: Database, options: JobRuntimeOptions): Promise<void> {
  // `stately`: at most one waiting and one running job (per connection for syncs), however often they are sent.
  await boss.createQueue(QUEUES.outbox, { name: QUEUES.outbox, policy: "stately" });
  await boss.createQueue(QUEUES.calendarSync, { name: QUEUES.calendarSync, policy: "stately", retryLimit: 0 });
  await boss.createQueue(QUEUES.calendarSweep, { name: QUEUES.calendarSweep, policy: "stately" });
  if (!options.work) return;
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work(QUEUES.outbox, polling, async () => {
    await deliverDueOutbox(db, { mail: options.mail });
  });
  // Syncs wait on remote servers, so a process runs several at once (one worker each).
  for (let i = 0; i < SYNCS_AT_ONCE; i++) {
    await boss.work<{ connectionId: string }>(QUEUES.calendarSync, { ...polling, batchSize: 1 }, async ([job]) => {
      if (job) await syncConnection(db, job.data.connectionId);
    });
  }
  await boss.work(QUEUES.calendarSweep, polling, async () => {
    await queueDueSyncs(boss, db);
  });
  await boss.schedule(QUEUES.outbox, "* * * * *");
  await boss.schedule(QUEUES.calendarSweep, "* * * * *");
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


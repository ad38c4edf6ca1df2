import "server-only";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/db/client";
import type { MailSender } from "@/lib/server/mail/smtp";
import { registerJobs } from "./jobs";
import { pgliteExecutor } from "./pglite-executor";

export interface JobRuntime {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobRuntimeOptions {
  /** Take jobs and run the schedules, not only send them. */
  work: boolean;
  mail: MailSender | null;
  /** How often an idle worker looks for jobs; pg-boss allows half a second at least. */
  pollingIntervalSeconds?: number;
}

/**
 * The job queue (C6): pg-boss on the app's own database, so jobs survive restarts and any
 * number of workers share them. On PostgreSQL it keeps a small pool of its own; on the
 * embedded database it runs its SQL on the PGlite in this process (PGlite is one process's).
 */
export async function startJobRuntime(handle: DatabaseHandle, options: JobRuntimeOptions): Promise<JobRuntime> {
  // pg-boss's cron (`schedule`) runs its own internal worker, whose unawaited completions
  // reject unhandled while PostgreSQL restarts; the minute sweeps are our own timer instead.
  const common = { schema: "pgboss", supervise: options.work, schedule: false, migrate: true };
  const boss =
    handle.kind === "postgres" && handle.config.kind === "postgres"
      ? new PgBoss({ ...common, connectionString: handle.config.url, max: 3 })
      : new PgBoss({ ...common, db: pgliteExecutor(handle.pglite!) });
  // pg-boss reports failed maintenance and polling as events; an unhandled one would crash the process.
  boss.on("error", (error) => console.error("[jobs]", error instanceof Error ? error.message : error));
  await boss.start();
  const workers = await registerJobs(boss, handle.db, options);
  return {
    boss,
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}

import "server-only";
import { env, runsJobsInApp } from "@/lib/env";
import { getDbHandle } from "@/lib/server/db";
import { createSmtpSender, type MailSender } from "@/lib/server/mail/smtp";
import { wakeOutboxWith } from "./jobs";
import { startJobRuntime, type JobRuntime } from "./runtime";

const globalForJobs = globalThis as unknown as { meetingRotationsJobs?: Promise<JobRuntime>; meetingRotationsJobsRetry?: NodeJS.Timeout };

// When the database is away at boot, the queue is tried again this often until it starts.
const RETRY_START_MS = 30_000;

export function mailSenderFromEnv(): MailSender | null {
  const { SMTP_URL } = env();
  return SMTP_URL ? createSmtpSender(SMTP_URL) : null;
}

/**
 * Starts this process's job queue once (instrumentation.ts calls it at boot). Workers run here
 * unless JOBS_IN_APP=0, and always on the embedded database, which no other process can open.
 */
export function startJobsInApp(): Promise<JobRuntime> {
  if (!globalForJobs.meetingRotationsJobs) {
    globalForJobs.meetingRotationsJobs = getDbHandle()
      .then((handle) => startJobRuntime(handle, { work: runsJobsInApp() || handle.kind === "pglite", mail: mailSenderFromEnv() }))
      .catch((error: unknown) => {
        globalForJobs.meetingRotationsJobs = undefined;
        globalForJobs.meetingRotationsJobsRetry ??= setTimeout(() => {
          globalForJobs.meetingRotationsJobsRetry = undefined;
          startJobsInApp().catch((retryError: unknown) => console.error("[jobs] could not start:", retryError instanceof Error ? retryError.message : retryError));
        }, RETRY_START_MS).unref();
        throw error;
      });
  }
  return globalForJobs.meetingRotationsJobs;
}

/**
 * Asks a worker to deliver the outbox now, after a commit that wrote to it. Best effort: if
 * the queue is not running in this process (tests, scripts) or the send fails, the
 * every-minute sweep delivers it anyway.
 */
export function wakeOutbox(): void {
  const runtime = globalForJobs.meetingRotationsJobs;
  if (!runtime) return;
  runtime.then((r) => wakeOutboxWith(r.boss)).catch(() => {});
}

/** Wakes the outbox once a change that wrote to it has committed. */
export async function afterCommitWake<T extends { ok: boolean }>(committed: Promise<T>): Promise<T> {
  const result = await committed;
  if (result.ok) wakeOutbox();
  return result;
}

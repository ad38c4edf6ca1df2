import "server-only";
import type PgBoss from "pg-boss";

export interface WorkerLoop {
  stop(): Promise<void>;
}

/**
 * Takes jobs of one queue one at a time with pg-boss's fetch and complete. pg-boss's own
 * work() does not await its complete() and fail() calls, so while PostgreSQL restarts they
 * reject with nobody listening (an unhandled rejection in the server log); here every call
 * is awaited and a failure only delays the next poll. A job whose completion was lost is
 * retried after it expires; every handler here is safe to run twice.
 */
export function startWorkerLoop<T extends object>(boss: PgBoss, queue: string, intervalMs: number, handle: (data: T) => Promise<void>): WorkerLoop {
  let stopping = false;
  let wake: (() => void) | undefined;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopping) {
      try {
        const [job] = (await boss.fetch<T>(queue)) ?? [];
        if (!job) {
          await pause();
          continue;
        }
        try {
          await handle(job.data);
          await boss.complete(queue, job.id);
        } catch (error) {
          await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      } catch (error) {
        console.error(`[jobs] ${queue}:`, error instanceof Error ? error.message : error);
        await pause();
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}

/** Runs `tick` every `intervalMs`, one at a time; errors are logged, never thrown. */
export function startTicker(intervalMs: number, tick: () => Promise<unknown>): WorkerLoop {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(tick).catch((error: unknown) => console.error("[jobs] sweep:", error instanceof Error ? error.message : error));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

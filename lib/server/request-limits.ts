/**
 * The largest body a server action may send. The biggest real one (a rotation with 500
 * members) is about 60 kB. Next.js enforces its own copy of this limit (next.config.ts) but
 * answers a breach with a 500; proxy.ts refuses it first, with 413.
 */
export const MAX_ACTION_BODY_BYTES = 256 * 1024;

/** For next.config.ts, in the notation Next.js expects. */
export const MAX_ACTION_BODY_SIZE = `${MAX_ACTION_BODY_BYTES / 1024}kb` as const;

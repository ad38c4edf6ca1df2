/** C4, C5: how long a failed delivery waits before the next try: 30 s doubling to an hour, with ±25 % jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
  return Math.round(base * (0.75 + random() / 2));
}

/** C4, C5: deliveries are retried for 24 hours, then given up and shown as failed. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

export function shouldGiveUp(createdAt: Date, now: Date, permanent: boolean): boolean {
  return permanent || now.getTime() - createdAt.getTime() >= GIVE_UP_AFTER_MS;
}

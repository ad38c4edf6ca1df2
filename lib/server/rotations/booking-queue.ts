import type { Database } from "@/db/client";
import type { Result } from "@/lib/domain/result";
import type { BookedMeeting, ReadyBooking } from "@/lib/server/use-cases/booked-meeting";
import { bookRotationBatch } from "./booking-batch";

// Group commit for one rotation's bookings. They are serialized anyway — each holds the
// rotation's lock from ranking to commit (R11) — so instead of queueing on that lock one
// transaction each, the bookings that arrive while a batch is being written go together in
// the next: one lock, one read, one write and one commit for all of them. A lone booking
// starts at once. Each instance queues its own; the lock still orders instances.

/** Bounds one transaction: its statements' size and how long it holds the lock. */
const MAX_BATCH = 100;

interface Waiting {
  booking: ReadyBooking;
  resolve(result: Result<BookedMeeting>): void;
  reject(error: unknown): void;
}

const queues = new WeakMap<Database, Map<string, Waiting[]>>();

export function submitRotationBooking(db: Database, rotationId: string, booking: ReadyBooking): Promise<Result<BookedMeeting>> {
  let byRotation = queues.get(db);
  if (!byRotation) queues.set(db, (byRotation = new Map()));
  const waiting = byRotation.get(rotationId);
  return new Promise((resolve, reject) => {
    if (waiting) {
      waiting.push({ booking, resolve, reject });
      return;
    }
    const queue: Waiting[] = [{ booking, resolve, reject }];
    byRotation.set(rotationId, queue);
    void drain(db, rotationId, queue, () => byRotation.delete(rotationId));
  });
}

async function drain(db: Database, rotationId: string, queue: Waiting[], close: () => void): Promise<void> {
  for (;;) {
    // Closed in the same tick as the last look, so a booking arriving later starts a new queue
    // instead of joining one that nobody drains any more.
    if (queue.length === 0) return close();
    const batch = queue.splice(0, MAX_BATCH);
    try {
      settle(batch, await bookRotationBatch(db, rotationId, batch.map((w) => w.booking)));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        continue;
      }
      // BatchRefused, or a bug in one booking: one by one, so each gets its own answer and
      // only the culprit fails.
      for (const w of batch) {
        try {
          settle([w], await bookRotationBatch(db, rotationId, [w.booking]));
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }
}

function settle(batch: Waiting[], results: Result<BookedMeeting>[]): void {
  batch.forEach((w, i) => {
    const result = results[i];
    if (result) w.resolve(result);
    else w.reject(new Error("a booking batch returned fewer answers than bookings"));
  });
}

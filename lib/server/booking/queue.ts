import "server-only";
import type { Database } from "@/db/client";
import type { Result } from "@/lib/domain/result";
import { bookRotationBatch } from "./batch";
import type { BookedMeeting, ReadyBooking } from "./booked-meeting";
import { wakeOutbox } from "@/lib/server/jobs/in-app";
import { runDetached } from "./detached";

// Group commit for one rotation's bookings. They are serialized anyway — each holds the
// rotation's lock from ranking to commit (R11) — so instead of queueing on that lock one
// transaction each, the bookings that arrive while a batch is being written go together in
// the next: one lock, one read, one write and one commit for all of them. A lone booking
// starts at once. Each instance queues its own; the lock still orders instances.

/** Bounds one transaction: its statements' size and how long it holds the lock. */
const MAX_BATCH = 100;
/**
 * How often a batch the exclusion constraint refused is decided again. The refusal means a
 * host's time was taken through another rotation (or their own calendar) after our read;
 * that meeting is committed by then, so deciding again sees it and picks someone free.
 */
const MAX_ATTEMPTS = 3;

interface Waiting {
  booking: ReadyBooking;
  resolve(result: Result<BookedMeeting>): void;
  reject(error: unknown): void;
}

const queues = new WeakMap<Database, Map<string, Waiting[]>>();

/** Books through a rotation: decided and written with the rotation's other pending bookings (R11). */
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
    runDetached(() => void drain(db, rotationId, queue, () => byRotation.delete(rotationId)));
  });
}

async function drain(db: Database, rotationId: string, queue: Waiting[], close: () => void): Promise<void> {
  for (;;) {
    // Closed in the same tick as the last look, so a booking arriving later starts a new queue
    // instead of joining one that nobody drains any more.
    if (queue.length === 0) return close();
    const batch = queue.splice(0, MAX_BATCH);
    // Split the batch only when nothing of it was written: a refusal as a whole, or a bug in
    // one booking (its transaction rolled back). One by one, each gets its own answer and only
    // the culprit fails; a booking already answered is never booked again.
    const answered = await bookTogether(db, rotationId, batch).catch(() => false);
    if (answered) continue;
    for (const w of batch) await bookTogether(db, rotationId, [w]).catch((error: unknown) => w.reject(error));
  }
}

/**
 * Books these together, deciding again while the constraint refuses. True when every booking
 * got its answer; false when the constraint still refuses the batch as a whole and the caller
 * should split it (never for a lone booking: it gets the refusal).
 */
async function bookTogether(db: Database, rotationId: string, batch: Waiting[]): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await bookRotationBatch(db, rotationId, batch.map((w) => w.booking));
    if (outcome.ok) {
      wakeOutbox();
      batch.forEach((w, i) => {
        const answer = outcome.value[i];
        if (answer) w.resolve(answer);
        else w.reject(new Error("a booking batch returned fewer answers than bookings"));
      });
      return true;
    }
    const refusedAsAWhole = outcome.error.code === "slot_taken";
    if (refusedAsAWhole && attempt < MAX_ATTEMPTS) continue;
    if (refusedAsAWhole && batch.length > 1) return false;
    // A lost connection may have committed (during COMMIT): never tried again (docs/operations.md).
    for (const w of batch) w.resolve(outcome);
    return true;
  }
}

import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// A batch books for several requests at once, so it must not run inside any one of them: a
// batch started from a request's code would inherit that request's async context (Next's
// request storage: its headers, cookies, session), and everything later in the batch —
// including other users' bookings — would read it. The server captures an empty context
// once at start (instrumentation.ts) and the booking queue starts batches in it.

type RunInContext = <R>(fn: () => R) => R;

const holder = globalThis as unknown as { meetingRotationsRootContext?: RunInContext };

/** Called once where no request is running: at server start, or at the top of a script or test. */
export function captureRootContext(): void {
  holder.meetingRotationsRootContext ??= AsyncLocalStorage.snapshot();
}

/**
 * Runs `fn` in the context captured at start, outside whichever request calls this. Where
 * nothing was captured (a script with no requests), it runs where it is.
 */
export function runDetached<R>(fn: () => R): R {
  const root = holder.meetingRotationsRootContext;
  return root ? root(fn) : fn();
}

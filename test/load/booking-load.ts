import type { LoadFixture } from "./harness";

/*
 * Firing bookings at the JSON API: one request per booking, each with a unique title so the
 * checks can match every response to its row afterwards.
 */

export interface BookingRequest {
  index: number;
  /** Base URL of the instance to send it to. */
  target: string;
  rotationKey: string;
  start: string;
}

export interface Outcome<R> {
  request: R;
  /** HTTP status, or "timeout" past the bound, or "network" when no response came at all. */
  status: number | "timeout" | "network";
  code?: string;
  meetingId?: string;
  hostUserId?: string;
  /** performance.now() at send and at the end of the body. */
  sentAt: number;
  doneAt: number;
}

export const titleOf = (index: number) => `Load booking #${index}`;

interface JsonBody {
  meeting?: { id?: string; hostUserId?: string };
  error?: { code?: string };
}

/** POST /api/v1/meetings with a rotation and no host: the server auto-assigns (R11). */
export async function sendBooking(fixture: LoadFixture, request: BookingRequest, timeoutMs: number): Promise<Outcome<BookingRequest>> {
  const rotation = fixture.rotations[request.rotationKey];
  if (!rotation) throw new Error(`no rotation ${request.rotationKey}`);
  const body = { recordType: "contact", recordId: fixture.contactId, title: titleOf(request.index), start: request.start, durationMinutes: 30, rotationId: rotation.id };
  return send(request, `${request.target}/api/v1/meetings`, fixture.token, timeoutMs, JSON.stringify(body));
}

export interface AvailabilityToggle {
  target: string;
  rotationId: string;
  userId: string;
  available: boolean;
}

/**
 * PATCH /api/v1/rotations/{id}/members/{userId}: the smallest write the product makes through
 * the same stack as a booking (token check, pool, one transaction locking one rotation row,
 * one row updated, one audit row). The booking benchmark's ceiling.
 */
export function sendAvailabilityToggle(fixture: LoadFixture, request: AvailabilityToggle, timeoutMs: number): Promise<Outcome<AvailabilityToggle>> {
  const url = `${request.target}/api/v1/rotations/${request.rotationId}/members/${encodeURIComponent(request.userId)}`;
  return send(request, url, fixture.token, timeoutMs, JSON.stringify({ available: request.available }), "PATCH");
}

async function send<R>(request: R, url: string, token: string, timeoutMs: number, body?: string, method = "POST"): Promise<Outcome<R>> {
  const sentAt = performance.now();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
  if (body) headers["content-type"] = "application/json";
  try {
    const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let parsed: JsonBody = {};
    try {
      parsed = JSON.parse(text) as JsonBody;
    } catch {
      // Not JSON: the checks report the status, which is the point.
    }
    return {
      request,
      status: response.status,
      code: parsed.error?.code,
      meetingId: parsed.meeting?.id,
      hostUserId: parsed.meeting?.hostUserId,
      sentAt,
      doneAt: performance.now(),
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { request, status: timedOut ? "timeout" : "network", sentAt, doneAt: performance.now() };
  }
}

/**
 * Runs `worker` over the items `next()` hands out, `concurrency` at a time, until it returns
 * undefined. A pull model, so a run can be bounded by count or by time alike.
 */
export async function runPool<T, R>(concurrency: number, next: () => T | undefined, worker: (item: T) => Promise<R>, onResult?: (result: R) => void): Promise<R[]> {
  const results: R[] = [];
  const loop = async () => {
    for (let item = next(); item !== undefined; item = next()) {
      const result = await worker(item);
      results.push(result);
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return results;
}

/** Hands out the items of a list once each. */
export function fromList<T>(items: readonly T[]): () => T | undefined {
  let i = 0;
  return () => items[i++];
}

/** Tallies statuses (with the error code when there is one): `{ "201": 140, "503 unavailable": 3 }`. */
export function tally<R>(outcomes: Array<Outcome<R>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.code ? `${o.status} ${o.code}` : String(o.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Nearest-rank percentile of durations in ms. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export const durations = <R>(outcomes: Array<Outcome<R>>) => outcomes.map((o) => o.doneAt - o.sentAt);

/**
 * Progress on one line, rewritten in place on a terminal and printed every few seconds
 * otherwise (CI logs), for runs that take more than a moment.
 */
export function progress(label: string, total?: number): { tick(outcome: Outcome<unknown>): void; done(): void } {
  const started = performance.now();
  const tty = process.stdout.isTTY;
  const every = tty ? 250 : 3000;
  let count = 0;
  let last = 0;
  const counts: Record<string, number> = {};
  const line = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = count / Math.max(seconds, 0.001);
    const statuses = Object.entries(counts).map(([k, v]) => `${k}:${v}`).join(" ");
    return `  ${label}: ${count}${total ? `/${total}` : ""} in ${seconds.toFixed(1)} s (${rate.toFixed(0)}/s) [${statuses}]`;
  };
  return {
    tick(outcome) {
      count++;
      counts[String(outcome.status)] = (counts[String(outcome.status)] ?? 0) + 1;
      const now = performance.now();
      if (now - last < every) return;
      last = now;
      process.stdout.write(tty ? `\r${line()}   ` : `${line()}\n`);
    },
    done() {
      process.stdout.write(tty ? `\r${line()}   \n` : `${line()}\n`);
    },
  };
}

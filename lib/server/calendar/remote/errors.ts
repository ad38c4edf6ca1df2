import "server-only";

export type CalendarAccessErrorCode =
  | "invalid_url"
  | "private_address"
  | "unreachable"
  | "timeout"
  | "auth_failed"
  | "not_found"
  | "not_calendar"
  | "too_large"
  | "server_error";

/**
 * Everything that can go wrong while reaching a user's calendar, as a stable code plus a short
 * message written for the user who typed the address: the sync state shows it as is
 * ("calendar sync failing since 12:04: 401"), so it names the host or status and no internals.
 */
export class CalendarAccessError extends Error {
  constructor(
    readonly code: CalendarAccessErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "CalendarAccessError";
  }
}

/** The error for an HTTP status that ends a request; null when the status is not a failure we name. */
export function errorForStatus(status: number, host: string): CalendarAccessError | null {
  if (status === 401 || status === 403) {
    return new CalendarAccessError("auth_failed", `The server refused the username or password (${status}).`, status);
  }
  if (status === 404 || status === 410) {
    return new CalendarAccessError("not_found", `Nothing was found at that address on ${host} (${status}).`, status);
  }
  if (status >= 500) {
    return new CalendarAccessError("server_error", `${host} answered with a server error (${status}).`, status);
  }
  return null;
}

/**
 * Turns what fetch throws into the user's words. Node's fetch reports network failures as
 * `TypeError("fetch failed")` with the system error in `cause`, and an expired AbortSignal as
 * a DOMException named TimeoutError.
 */
export function errorForFetchFailure(error: unknown, host: string, timeoutMs: number): CalendarAccessError {
  if (error instanceof CalendarAccessError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return timeoutError(host, timeoutMs);
  const code = causeCode(error);
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT") return timeoutError(host, timeoutMs);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new CalendarAccessError("unreachable", `${host} could not be found.`);
  }
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new CalendarAccessError("unreachable", `${host} has no valid certificate for https.`);
  }
  return new CalendarAccessError("unreachable", `Could not connect to ${host}.`);
}

export function timeoutError(host: string, timeoutMs: number): CalendarAccessError {
  const seconds = Number.isInteger(timeoutMs / 1000) ? timeoutMs / 1000 : (timeoutMs / 1000).toFixed(1);
  return new CalendarAccessError("timeout", `No answer from ${host} within ${seconds} s.`);
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  // The system error can sit one or two `cause`s deep (undici wraps it in its own error).
  for (let depth = 0; depth < 3 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

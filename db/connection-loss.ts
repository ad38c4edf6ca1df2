/*
 * Which driver errors mean "the database is away" rather than "this request is wrong": the API
 * answers those with 503 `unavailable` (lib/server/transaction.ts), never 500. The policy is
 * written down in docs/operations.md.
 */

const CONNECTION_LOSS_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "CONNECTION_DESTROYED",
  // postgres.js waited queue_timeout for a free, connected session (db/client.ts).
  "QUEUE_TIMEOUT",
  "57P01", // admin_shutdown: pg_terminate_backend, a fast shutdown
  "57P02", // crash_shutdown: an immediate shutdown, a crashed backend
  "57P03", // cannot_connect_now: starting up, shutting down, in recovery
]);

/**
 * The session is gone, or was never had: a driver-level connection error, a connection
 * exception (SQLSTATE class 08), or any FATAL/PANIC report — PostgreSQL ends the session
 * after one, whatever its code (55000 when a database does not accept connections, 53300 for
 * too many clients, 57P01 when the backend was terminated).
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  if (severity === "FATAL" || severity === "PANIC") return true;
  return typeof code === "string" && (CONNECTION_LOSS_CODES.has(code) || code.startsWith("08"));
}

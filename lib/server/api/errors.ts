import "server-only";
import { HTTP_STATUS, type AppError } from "@/lib/domain/result";

/** The one error body of the API (DESIGN §6): `{ "error": { "code", "message", "fields"?, "members"? } }`. */
export interface ErrorBody {
  error: AppError;
}

// Responses carry data about people; no proxy or browser should keep a copy.
const NO_STORE = { "cache-control": "no-store" } as const;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** Maps an expected failure to its status through the one table, HTTP_STATUS. */
export function errorResponse(error: AppError): Response {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }), ...(error.members && { members: error.members }) },
  };
  // RFC 9110: a 401 names the scheme the client should use.
  const headers: Record<string, string> = error.code === "unauthenticated" ? { "www-authenticate": 'Bearer realm="api"' } : {};
  return jsonResponse(body, HTTP_STATUS[error.code], headers);
}

/**
 * A bug, not something the client did. The body says nothing about the cause: stacks, SQL
 * and driver messages stay in the server log.
 */
export function internalErrorResponse(): Response {
  return jsonResponse({ error: { code: "internal_error", message: "Something went wrong on our side. Try again later." } }, 500);
}

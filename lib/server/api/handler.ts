import "server-only";
import type { Database } from "@/db/client";
import type { Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { getDb } from "@/lib/server/db";
import { databaseErrorToAppError } from "@/lib/server/transaction";
import { authenticate } from "./authenticate";
import { errorResponse, internalErrorResponse, jsonResponse } from "./errors";

/** What Next.js passes a dynamic route handler: the decoded path segments. */
export interface RouteContext<P> {
  params: Promise<P>;
}

export interface ApiContext<P> {
  request: Request;
  actor: Actor;
  db: Database;
  params: P;
}

/** PostgreSQL's "data exception" class: the database refused a value, which only input can cause. */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

function sqlState(error: unknown): string | undefined {
  for (const candidate of [error, (error as { cause?: unknown } | null)?.cause]) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * The outer guard of every API route. Expected failures are values and never reach it; what
 * does is either the database being away (503, so clients retry) or a bug (500 with a generic
 * body — the stack and the SQL go to the server log only).
 */
export function guarded<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      const known = databaseErrorToAppError(error);
      if (known) return errorResponse(known);
      // A value the schemas let through but PostgreSQL cannot store (a defence in depth: the
      // schemas should catch these first). Any write in progress was rolled back with its transaction.
      if (DATA_EXCEPTION.test(sqlState(error) ?? "")) {
        console.error("API: database refused a value", error);
        return errorResponse({ code: "validation", message: "A value in the request cannot be stored." });
      }
      console.error("API: unexpected error", error);
      return internalErrorResponse();
    }
  };
}

/** Authenticates (Bearer token or session cookie), then runs the handler as that actor. */
export function authenticated<P = Record<string, never>>(handler: (context: ApiContext<P>) => Promise<Response>) {
  return guarded(async (request: Request, context: RouteContext<P>) => {
    const db = await getDb();
    const actor = await authenticate(db, request);
    if (!actor.ok) return errorResponse(actor.error);
    return handler({ request, actor: actor.value, db, params: await context.params });
  });
}

/** A use case's Result as a response: the value through `present`, or the error through HTTP_STATUS. */
export function respond<T>(result: Result<T>, present: (value: T) => unknown, status = 200): Response {
  return result.ok ? jsonResponse(present(result.value), status) : errorResponse(result.error);
}

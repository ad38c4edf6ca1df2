import "server-only";
import type { Database } from "@/db/client";
import { fail, type Result } from "@/lib/domain/result";
import type { Actor } from "./actor";
import { getDb } from "./db";
import { currentActor } from "./session";
import { databaseErrorToAppError } from "./transaction";

export interface ActionContext {
  actor: Actor;
  db: Database;
}

/**
 * The repeated part of every server action: authenticate, then run one use case (which
 * parses its input and authorizes the actor itself) and turn a database outage into an
 * error value instead of a crashed page. Revalidation and redirects stay in the action,
 * after this returns (a redirect must not be thrown inside a try).
 */
export async function runAction<T>(handler: (context: ActionContext) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const actor = await currentActor();
    if (!actor) return fail("unauthenticated", "Your session has ended. Sign in again.");
    return await handler({ actor, db: await getDb() });
  } catch (error) {
    const known = databaseErrorToAppError(error);
    if (known) return fail(known.code, known.message);
    throw error;
  }
}

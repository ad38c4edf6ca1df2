import "server-only";
import type { Database } from "@/db/client";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { currentActor } from "@/lib/server/session";
import { authenticateBearer, NO_CREDENTIALS } from "./bearer";

/**
 * Who is calling: the owner of a Bearer token, or else the signed-in user of the session
 * cookie. A request that sends an Authorization header is judged on it alone — a bad token
 * never falls back to a cookie that happens to ride along.
 */
export async function authenticate(db: Database, request: Request): Promise<Result<Actor>> {
  const header = request.headers.get("authorization");
  if (header !== null) return authenticateBearer(db, header);
  const actor = await currentActor();
  return actor ? ok(actor) : fail("unauthenticated", NO_CREDENTIALS);
}

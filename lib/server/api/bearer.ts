import "server-only";
import type { Database } from "@/db/client";
import { fail, ok, type Result } from "@/lib/domain/result";
import { loadActor, type Actor } from "@/lib/server/actor";
import { findApiTokenOwner } from "@/lib/server/queries/api-tokens";

export const NO_CREDENTIALS = "Sign in, or send a personal API token as “Authorization: Bearer <token>”.";
const BAD_TOKEN = "This API token is not valid: it is unknown, revoked, or its owner is inactive.";

/** `Authorization: Bearer <token>` (the scheme is case-insensitive, RFC 9110). */
export async function authenticateBearer(db: Database, header: string): Promise<Result<Actor>> {
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match?.[1]) return fail("unauthenticated", NO_CREDENTIALS);
  const userId = await findApiTokenOwner(db, match[1]);
  // loadActor is null for an inactive user: deactivating someone disables their tokens too.
  const actor = userId ? await loadActor(db, userId) : null;
  return actor ? ok(actor) : fail("unauthenticated", BAD_TOKEN);
}

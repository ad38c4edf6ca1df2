import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { inTransaction } from "@/lib/server/transaction";
import { isEntityId } from "@/lib/server/validation";

/**
 * Revokes one of the actor's own tokens; it stops working at the next request. Idempotent.
 * Someone else's token is "not found", not "forbidden": token ids are nobody else's business.
 */
export async function revokeApiToken(db: Database, actor: Actor, tokenId: string): Promise<Result<{ revoked: boolean }>> {
  if (!isEntityId(tokenId)) return fail("not_found", "This token does not exist.");
  return inTransaction(db, async (tx) => {
    const own = and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id));
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(own, isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length > 0) return ok({ revoked: true });
    const [existing] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(own);
    return existing ? ok({ revoked: false }) : fail("not_found", "This token does not exist.");
  });
}

import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { API_TOKEN_PATTERN } from "@/lib/server/use-cases/create-api-token";
import { hashToken } from "@/lib/server/tokens";
import type { Actor } from "@/lib/server/actor";

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The actor's own tokens, newest first, revoked ones included (marked) so the history is clear. */
export async function listApiTokens(db: Database, actor: Actor): Promise<ApiTokenSummary[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.tokenPrefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/**
 * "Last used" is shown to the minute, so it is written at most once a minute per token:
 * a script calling in a loop does not turn every read into a write.
 */
const LAST_USED_RESOLUTION = sql`interval '1 minute'`;

/**
 * The user a live token belongs to, or null for a malformed, unknown or revoked token.
 * Records the token's last use (a bookkeeping write of its own, outside any use case).
 */
export async function findApiTokenOwner(db: Database, token: string): Promise<string | null> {
  if (!API_TOKEN_PATTERN.test(token)) return null;
  const live = and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt));
  const [row] = await db.select({ id: apiTokens.id, userId: apiTokens.userId }).from(apiTokens).where(live);
  if (!row) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - ${LAST_USED_RESOLUTION}`))));
  return row.userId;
}

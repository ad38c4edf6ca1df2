import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { generateToken, hashToken } from "@/lib/server/tokens";
import { inTransaction } from "@/lib/server/transaction";
import { parseInput, plainText } from "@/lib/server/validation";

/**
 * `mr_` and 43 base64url characters (32 random bytes). The fixed shape lets the API refuse
 * garbage before it touches the database, and lets secret scanners recognise a leaked token.
 */
export const API_TOKEN_PATTERN = /^mr_[A-Za-z0-9_-]{43}$/;
/** Shown in settings so people can tell their tokens apart; 7 random characters reveal nothing useful. */
const PREFIX_LENGTH = 10;
/** Enough for every script and integration a person runs; stops a runaway loop from minting thousands. */
export const MAX_ACTIVE_TOKENS = 25;

export const apiTokenInputSchema = z.strictObject({
  name: plainText({ max: 100, required: "Enter a name." }),
});

export interface CreatedApiToken {
  id: string;
  name: string;
  /** The only time the token itself is available: only its SHA-256 is stored. */
  token: string;
  prefix: string;
  createdAt: Date;
}


/** Creates a personal API token for the actor; the token acts as them, with their rights at each request. */
export async function createApiToken(db: Database, actor: Actor, input: unknown): Promise<Result<CreatedApiToken>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  const parsed = parseInput(apiTokenInputSchema, input);
  if (!parsed.ok) return parsed;
  const { name } = parsed.value;

  return inTransaction(db, async (tx) => {
    const [active] = await tx
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)));
    if ((active?.n ?? 0) >= MAX_ACTIVE_TOKENS) {
      const message = `You already have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use first.`;
      return fail("validation", message, { name: [message] });
    }
    const token = generateToken("mr");
    const prefix = token.slice(0, PREFIX_LENGTH);
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.id, name, tokenHash: hashToken(token), tokenPrefix: prefix })
      .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
    if (!row) throw new Error("insert returned no token");
    return ok({ id: row.id, name, token, prefix, createdAt: row.createdAt });
  });
}

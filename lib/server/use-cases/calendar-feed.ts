import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarFeedTokens } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { generateToken, hashToken } from "@/lib/server/tokens";

/**
 * Makes a new private feed URL secret for the actor, replacing (and so revoking) any
 * previous one. The secret is returned once; only its hash is kept.
 */
export async function createCalendarFeedToken(db: Database, actor: Actor): Promise<Result<{ token: string }>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  const token = generateToken("feed");
  const tokenHash = hashToken(token);
  await db
    .insert(calendarFeedTokens)
    .values({ userId: actor.id, tokenHash })
    .onConflictDoUpdate({ target: calendarFeedTokens.userId, set: { tokenHash, createdAt: new Date() } });
  return ok({ token });
}

export async function revokeCalendarFeedToken(db: Database, actor: Actor): Promise<Result<{ revoked: boolean }>> {
  const deleted = await db.delete(calendarFeedTokens).where(eq(calendarFeedTokens.userId, actor.id)).returning();
  return ok({ revoked: deleted.length > 0 });
}

export async function findCalendarFeed(db: Database, userId: string): Promise<{ createdAt: Date } | null> {
  const [row] = await db.select({ createdAt: calendarFeedTokens.createdAt }).from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, userId));
  return row ?? null;
}

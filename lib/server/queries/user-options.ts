import "server-only";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { containsPattern } from "@/lib/domain/paging";
import { canManageRotations } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";

/** At most this many matches in one answer: typing more narrows a large organisation down. */
export const USER_SEARCH_LIMIT = 20;

export const userSearchQuerySchema = z.strictObject({
  q: z.string().max(100, "Search with at most 100 characters.").optional().describe("Part of a user's name or email; none lists the first by name."),
});

export interface UserOption {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}

export interface UserSearch {
  users: UserOption[];
  /** More matched than were returned. */
  more: boolean;
}

/**
 * The active users whose name or email contains the search, by name, at most USER_SEARCH_LIMIT
 * (admins only): whom an admin can set an out-of-office period for, in an organisation of any size.
 */
export async function searchUserOptions(db: Database, actor: Actor, query: z.output<typeof userSearchQuerySchema>): Promise<Result<UserSearch>> {
  if (!canManageRotations(actor)) return fail("forbidden", "Only admins can look up other users.");
  const text = query.q?.trim() ?? "";
  const pattern = text ? containsPattern(text) : null;
  // One more than is shown, to know whether there is more.
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.active, true), pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .limit(USER_SEARCH_LIMIT + 1);
  return ok({ users: rows.slice(0, USER_SEARCH_LIMIT), more: rows.length > USER_SEARCH_LIMIT });
}

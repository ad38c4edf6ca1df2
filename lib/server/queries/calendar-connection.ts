import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarConnections, users, type CalendarKind } from "@/db/schema";
import { SYNC_FAILURE_GRACE_MS } from "@/lib/domain/permissions";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";

/** What a user (and admins) may know of a connection: never the password or the iCal address. */
export interface CalendarConnectionState {
  /** `builtin`: the demo organisation's calendar kept in the database; `none`: nothing connected. */
  provider: CalendarKind | "builtin" | "none";
  serverUrl: string | null;
  username: string | null;
  calendarName: string | null;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
  failingSince: Date | null;
  lastError: string | null;
  /** C3: failing for 30 minutes: the user is not eligible for rotations until a sync succeeds. */
  blocksEligibility: boolean;
  syncEnabled: boolean;
}

export async function getCalendarConnectionState(db: Database, actor: Actor, now = new Date()): Promise<Result<CalendarConnectionState>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  const [row] = await db
    .select({ calendarConnected: users.calendarConnected, syncEnabled: users.calendarSyncEnabled, connection: calendarConnections })
    .from(users)
    .leftJoin(calendarConnections, eq(calendarConnections.userId, users.id))
    .where(eq(users.id, actor.id));
  if (!row) return fail("user_not_found", "This user does not exist.");
  return ok(connectionState(row, now));
}

type StateRow = { calendarConnected: boolean; syncEnabled: boolean; connection: typeof calendarConnections.$inferSelect | null };

export function connectionState({ calendarConnected, syncEnabled, connection }: StateRow, now: Date): CalendarConnectionState {
  if (!connection) {
    const provider = calendarConnected ? "builtin" : "none";
    return { provider, serverUrl: null, username: null, calendarName: null, lastSuccessAt: null, lastAttemptAt: null, failingSince: null, lastError: null, blocksEligibility: false, syncEnabled };
  }
  const blocksEligibility = connection.failingSince !== null && now.getTime() - connection.failingSince.getTime() >= SYNC_FAILURE_GRACE_MS;
  return {
    provider: connection.kind,
    serverUrl: connection.serverUrl,
    username: connection.username,
    calendarName: connection.calendarName,
    lastSuccessAt: connection.lastSuccessAt,
    lastAttemptAt: connection.lastAttemptAt,
    failingSince: connection.failingSince,
    lastError: connection.lastError,
    blocksEligibility,
    syncEnabled,
  };
}

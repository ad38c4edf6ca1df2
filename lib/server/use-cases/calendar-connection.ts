import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { busyBlocks, calendarConnections, users } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { sealConnectionSecret } from "@/lib/server/calendar/connection-secrets";
import { discoverCalendars, type DiscoveredCalendar } from "@/lib/server/calendar/remote/caldav";
import { CalendarAccessError } from "@/lib/server/calendar/remote/errors";
import { allowPrivateCalendarHosts, checkCalendarUrl } from "@/lib/server/calendar/remote/safe-url";
import { syncConnection } from "@/lib/server/calendar/sync/sync-connection";
import { parseInput } from "@/lib/server/validation";

const url = (field: string) => z.string({ message: `Enter the ${field}.` }).trim().min(1, `Enter the ${field}.`).max(2000, "That address is too long.");

export const connectCalendarInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("caldav"),
    serverUrl: url("CalDAV server URL"),
    username: z.string({ message: "Enter the username." }).trim().min(1, "Enter the username.").max(320),
    password: z.string({ message: "Enter the password." }).min(1, "Enter the password.").max(1000),
    calendarUrl: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({ kind: z.literal("ical"), icalUrl: url("iCal address") }),
], { message: "Choose CalDAV or an iCal address." });

export type ConnectCalendarResult = { connected: true; connectionId: string; syncError: string | null } | { connected: false; calendars: DiscoveredCalendar[] };

/**
 * Connects the actor's one calendar (C1), replacing any other. CalDAV: the account is checked
 * by discovery; with several calendars and none chosen, the choice comes back to the user.
 * The first sync runs at once, so a wrong address or feed is refused before anything is kept.
 */
export async function connectCalendar(db: Database, actor: Actor, input: unknown, now = new Date()): Promise<Result<ConnectCalendarResult>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  const parsed = parseInput(connectCalendarInputSchema, input);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  try {
    if (value.kind === "caldav") {
      const credentials = { serverUrl: value.serverUrl, username: value.username, password: value.password };
      const calendars = await discoverCalendars(credentials);
      if (calendars.length === 0) return fail("calendar_error", "This account has no calendars with events.", { serverUrl: ["No calendars with events were found for this account."] });
      const chosen = value.calendarUrl ? calendars.find((c) => c.url === value.calendarUrl) : calendars.length === 1 ? calendars[0] : undefined;
      if (value.calendarUrl && !chosen) return fail("calendar_error", "That calendar is not in this account.", { calendarUrl: ["Choose one of the calendars found."] });
      if (!chosen) return ok({ connected: false, calendars });
      const row = { kind: "caldav" as const, serverUrl: value.serverUrl, username: value.username, calendarUrl: chosen.url, calendarName: chosen.displayName, secretCiphertext: sealConnectionSecret(actor.id, value.password) };
      return firstSync(db, actor.id, row, now);
    }
    const address = await checkCalendarUrl(value.icalUrl.replace(/^webcal:\/\//i, "https://"), { allowPrivateHosts: allowPrivateCalendarHosts() });
    const row = { kind: "ical" as const, serverUrl: address.host, username: null, calendarUrl: null, calendarName: address.host, secretCiphertext: sealConnectionSecret(actor.id, address.toString()) };
    return firstSync(db, actor.id, row, now);
  } catch (error) {
    if (error instanceof CalendarAccessError) return accessFailure(error, value.kind);
    throw error;
  }
}

type NewConnection = Omit<typeof calendarConnections.$inferInsert, "userId">;

async function firstSync(db: Database, userId: string, row: NewConnection, now: Date): Promise<Result<ConnectCalendarResult>> {
  const connectionId = await db.transaction(async (tx) => {
    await tx.delete(calendarConnections).where(eq(calendarConnections.userId, userId));
    // A real calendar replaces the demo's built-in busy blocks.
    await tx.delete(busyBlocks).where(and(eq(busyBlocks.userId, userId), isNull(busyBlocks.connectionId)));
    const [created] = await tx.insert(calendarConnections).values({ ...row, userId }).returning({ id: calendarConnections.id });
    return created!.id;
  });
  const outcome = await syncConnection(db, connectionId, now);
  if (!outcome.ok && row.kind === "ical") {
    // A feed that cannot be read the first time is a wrong address, not an outage: keep nothing.
    await disconnect(db, userId);
    return fail("calendar_error", outcome.error, { icalUrl: [outcome.error] });
  }
  return ok({ connected: true, connectionId, syncError: outcome.ok ? null : outcome.error });
}

function accessFailure(error: CalendarAccessError, kind: "caldav" | "ical"): Result<never> {
  const field = kind === "ical" ? "icalUrl" : error.code === "auth_failed" ? "password" : "serverUrl";
  return fail("calendar_error", error.message, { [field]: [error.message] });
}

/** Syncs the actor's calendar now ("Sync now"). */
export async function syncCalendarNow(db: Database, actor: Actor, now = new Date()): Promise<Result<{ ok: boolean; error: string | null }>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  const [connection] = await db.select({ id: calendarConnections.id }).from(calendarConnections).where(eq(calendarConnections.userId, actor.id));
  if (!connection) return fail("calendar_not_connected", "No calendar is connected.");
  const outcome = await syncConnection(db, connection.id, now);
  return ok({ ok: outcome.ok, error: outcome.ok ? null : outcome.error });
}

/** Disconnects the actor's calendar: its busy time goes with it, and R3 no longer counts it as connected. */
export async function disconnectCalendar(db: Database, actor: Actor): Promise<Result<{ disconnected: boolean }>> {
  if (!actor.active) return fail("forbidden", "Your account is inactive.");
  return ok({ disconnected: await disconnect(db, actor.id) });
}

async function disconnect(db: Database, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(calendarConnections).where(eq(calendarConnections.userId, userId)).returning({ id: calendarConnections.id });
    if (removed.length > 0) await tx.update(users).set({ calendarConnected: false }).where(eq(users.id, userId));
    return removed.length > 0;
  });
}

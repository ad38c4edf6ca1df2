import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { busyBlocks, calendarConnections, calendarResources, users } from "@/db/schema";
import { busyFromIcs, NotICalendarError, type CalendarBusy } from "@/lib/calendar/busy-from-ical";
import { caldavCredentials, icalAddress } from "@/lib/server/calendar/connection-secrets";
import { fetchCalendarChanges, type CalDavSyncState } from "@/lib/server/calendar/remote/caldav";
import { allowPrivateCalendarHosts } from "@/lib/server/calendar/remote/safe-url";
import { fetchIcalAddress, type IcalFetchState } from "@/lib/server/calendar/remote/ical-address";
import { REEXPAND_AFTER_MS, SYNC_LOOKAHEAD_MS, SYNC_LOOKBACK_MS } from "./timing";

type Connection = typeof calendarConnections.$inferSelect;

/** What the remote calendar said since the last sync, before anything is written. */
interface Fetched {
  /** Replace every stored object (first sync, lost sync token, a changed iCal feed). */
  full: boolean;
  changed: Array<{ href: string; etag: string | null; ics: string }>;
  removed: string[];
  state: Record<string, unknown>;
}

export type SyncOutcome = { ok: true; changed: number; blocks: number } | { ok: false; error: string };

// The whole iCal feed is one object.
const FEED_HREF = "feed";
const INSERT_CHUNK = 1_000;

/**
 * Reads one connected calendar and stores its busy time (C2). Remote calls happen before the
 * transaction, so a slow server holds no database session; a failure keeps the last busy
 * blocks and records when failing began (C3).
 */
export async function syncConnection(db: Database, connectionId: string, now: Date = new Date()): Promise<SyncOutcome> {
  const [connection] = await db.select().from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  if (!connection) return { ok: false, error: "The calendar is no longer connected." };
  let fetched: Fetched | null;
  try {
    fetched = await fetchRemote(connection);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordFailure(db, connection.id, now, message);
    return { ok: false, error: message };
  }
  try {
    return await storeSync(db, connection, fetched, now);
  } catch (error) {
    // An event that cannot be read fails the sync rather than being skipped: skipped, it would
    // show its owner as free at that time. The last busy time stays (C3).
    if (!(error instanceof NotICalendarError)) throw error;
    await recordFailure(db, connection.id, now, error.message);
    return { ok: false, error: error.message };
  }
}

/** Null when nothing changed (HTTP 304, same ctag or no sync-collection changes). */
async function fetchRemote(connection: Connection): Promise<Fetched | null> {
  if (connection.kind === "caldav") {
    const previous = connection.syncState as CalDavSyncState | null;
    const changes = await fetchCalendarChanges(caldavCredentials(connection), connection.calendarUrl ?? "", previous);
    if (!changes.full && changes.changed.length === 0 && changes.removed.length === 0) return { full: false, changed: [], removed: [], state: { ...changes.state } };
    return { full: changes.full, changed: changes.changed, removed: changes.removed, state: { ...changes.state } };
  }
  const previous = connection.syncState as IcalFetchState | null;
  const result = await fetchIcalAddress(icalAddress(connection), previous, { allowPrivateHosts: allowPrivateCalendarHosts() });
  if (!result.changed) return null;
  return { full: true, changed: [{ href: FEED_HREF, etag: result.state.etag, ics: result.ics }], removed: [], state: { ...result.state } };
}

async function recordFailure(db: Database, connectionId: string, now: Date, message: string): Promise<void> {
  // One statement: two failing syncs at once both keep the first failure's time (C3).
  await db
    .update(calendarConnections)
    .set({ lastAttemptAt: now, lastError: message.slice(0, 500), failingSince: sql`coalesce(${calendarConnections.failingSince}, ${now.toISOString()}::timestamptz)` })
    .where(eq(calendarConnections.id, connectionId));
}

async function storeSync(db: Database, connection: Connection, fetched: Fetched | null, now: Date): Promise<SyncOutcome> {
  const [owner] = await db.select({ email: users.email, timeZone: users.timeZone }).from(users).where(eq(users.id, connection.userId));
  const window = { from: new Date(now.getTime() - SYNC_LOOKBACK_MS), to: new Date(now.getTime() + SYNC_LOOKAHEAD_MS) };
  const reexpand = !connection.expandedUntil || window.to.getTime() - connection.expandedUntil.getTime() >= REEXPAND_AFTER_MS;
  const expand = (href: string, ics: string) => toBlocks(connection, href, busyFromIcs(ics, { ...window, ownerEmails: owner ? [owner.email] : [], timeZone: owner?.timeZone ?? "UTC" }));
  return db.transaction(async (tx) => {
    const full = fetched?.full ?? false;
    const touched = fetched ? [...fetched.changed.map((c) => c.href), ...fetched.removed] : [];
    if (full) {
      await tx.delete(calendarResources).where(eq(calendarResources.connectionId, connection.id));
    } else if (touched.length > 0) {
      await tx.delete(calendarResources).where(and(eq(calendarResources.connectionId, connection.id), inArray(calendarResources.href, touched)));
    }
    const changed = fetched?.changed ?? [];
    for (let i = 0; i < changed.length; i += INSERT_CHUNK) {
      await tx.insert(calendarResources).values(changed.slice(i, i + INSERT_CHUNK).map((c) => ({ connectionId: connection.id, href: c.href, etag: c.etag, ics: c.ics })));
    }
    let blocks: Array<typeof busyBlocks.$inferInsert>;
    if (full || reexpand) {
      // Everything stored, expanded over the current window (the horizon moves a day at a time).
      await tx.delete(busyBlocks).where(eq(busyBlocks.connectionId, connection.id));
      const stored = full ? changed : await tx.select().from(calendarResources).where(eq(calendarResources.connectionId, connection.id));
      blocks = stored.flatMap((r) => expand(r.href, r.ics));
    } else {
      if (touched.length > 0) await tx.delete(busyBlocks).where(and(eq(busyBlocks.connectionId, connection.id), inArray(busyBlocks.resourceHref, touched)));
      blocks = changed.flatMap((c) => expand(c.href, c.ics));
    }
    for (let i = 0; i < blocks.length; i += INSERT_CHUNK) await tx.insert(busyBlocks).values(blocks.slice(i, i + INSERT_CHUNK));
    await tx
      .update(calendarConnections)
      .set({
        syncState: fetched?.state ?? connection.syncState,
        lastAttemptAt: now,
        lastSuccessAt: now,
        failingSince: null,
        lastError: null,
        expandedUntil: full || reexpand ? window.to : connection.expandedUntil,
      })
      .where(eq(calendarConnections.id, connection.id));
    // R3's "calendar connected": a connection whose last sync succeeded (C1).
    await tx.update(users).set({ calendarConnected: true }).where(eq(users.id, connection.userId));
    return { ok: true as const, changed: changed.length + (fetched?.removed.length ?? 0), blocks: blocks.length };
  });
}

function toBlocks(connection: Connection, href: string, busy: CalendarBusy[]): Array<typeof busyBlocks.$inferInsert> {
  return busy.map((b) => ({ userId: connection.userId, source: connection.kind, summary: b.summary, startsAt: b.start, endsAt: b.end, externalUid: b.uid, connectionId: connection.id, resourceHref: href }));
}

// Calendar sync (issue 14, C2): a Radicale calendar of 5,000 events (200 of them weekly series),
// its first sync and an incremental sync after one change; then "dialog open → proposal" for a
// rotation of 20 members who are all on CalDAV, with fresh calendars, counting remote requests
// on that path (there must be none). Targets: first sync ≤ 10 s, incremental ≤ 1 s, dialog p50 ≤ 150 ms.
// Run: npm run bench:calendar-sync   (needs /usr/bin/radicale; PostgreSQL from BENCH_DATABASE_URL or the local test server)
import { eq } from "drizzle-orm";
import { calendarConnections, users } from "@/db/schema";
import type { Database } from "@/db/client";
import { loadActor, type Actor } from "@/lib/server/actor";
import { sealConnectionSecret } from "@/lib/server/calendar/connection-secrets";
import { syncConnection } from "@/lib/server/calendar/sync/sync-connection";
import { getHostCalendar } from "@/lib/server/queries/get-host-calendar";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { startRadicale } from "@/test/radicale";
import { openBenchDatabase, printVerdict, round, summarize } from "./support";

process.env.CALENDAR_ALLOW_PRIVATE_HOSTS = "1";
process.env.CALENDAR_ENCRYPTION_KEY ??= "0".repeat(63) + "2";

const EVENTS = 5_000;
const SERIES = 200;
const MEMBERS = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const DAY_MS = 86_400_000;
const PASSWORD = "bench-pw";

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** Event i: a weekly series for the first SERIES, single events after, spread over 90 days in working hours. */
function vevent(i: number, now: Date, title = `Event ${i}`): string {
  const day = Math.floor(now.getTime() / DAY_MS) + 1 + (i % 90);
  const start = new Date(day * DAY_MS + (8 + (i % 9)) * 3_600_000 + ((i * 7) % 4) * 15 * 60_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  const series = i < SERIES ? ["RRULE:FREQ=WEEKLY;COUNT=30"] : [];
  return ["BEGIN:VEVENT", `UID:ev-${i}`, `DTSTAMP:${stamp(now)}`, `DTSTART:${stamp(start)}`, `DTEND:${stamp(end)}`, ...series, `SUMMARY:${title}`, "END:VEVENT"].join("\r\n");
}

const vcalendar = (events: string[]) => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", ...events, "END:VCALENDAR", ""].join("\r\n");

/**
 * Creates a calendar holding these events in one request: a PUT of a whole iCalendar file on a
 * collection, which Radicale splits into one object per UID (5,000 single PUTs take Radicale
 * minutes). The sync then reads them as any CalDAV client would, object by object.
 */
async function uploadCalendar(serverUrl: string, username: string, events: string[]): Promise<string> {
  const url = new URL(`/${username}/work/`, serverUrl).href;
  const response = await fetch(url, {
    method: "PUT",
    body: vcalendar(events),
    headers: { authorization: `Basic ${Buffer.from(`${username}:${PASSWORD}`).toString("base64")}`, "content-type": "text/calendar; charset=utf-8" },
  });
  if (!response.ok) throw new Error(`upload of ${username}'s calendar: ${response.status} ${await response.text()}`);
  return url;
}


async function connectionFor(db: Database, userId: string, serverUrl: string, username: string, calendarUrl: string): Promise<string> {
  const [row] = await db
    .insert(calendarConnections)
    .values({ userId, kind: "caldav", serverUrl, username, calendarUrl, calendarName: "Work", secretCiphertext: sealConnectionSecret(userId, PASSWORD) })
    .returning({ id: calendarConnections.id });
  return row!.id;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function main() {
  const now = new Date();
  const accounts = [{ username: "big", password: PASSWORD }, ...Array.from({ length: MEMBERS }, (_, i) => ({ username: `m${i}`, password: PASSWORD }))];
  const radicale = await startRadicale(accounts);
  const bench = await openBenchDatabase("calendar_sync");
  const problems: string[] = [];
  try {
    const db = bench.handle.db;
    const loading = await timed(() => uploadCalendar(radicale.url, "big", Array.from({ length: EVENTS }, (_, i) => vevent(i, now))));
    const big = loading.value;
    console.log(`Radicale holds ${EVENTS} events (${SERIES} weekly series), uploaded in ${round(loading.ms / 1000, 1)} s`);

    await db.insert(users).values({ id: "big", name: "Big Calendar", email: "big@bench.test", calendarSyncEnabled: true });
    const bigConnection = await connectionFor(db, "big", radicale.url, "big", big);
    const first = await timed(() => syncConnection(db, bigConnection, now));
    if (!first.value.ok) throw new Error(`first sync failed: ${first.value.error}`);
    // One change: a new event, put as a client would.
    await radicale.putEvent("big", PASSWORD, big, "ev-new", vcalendar([vevent(EVENTS, now, "Added")]).replace(`UID:ev-${EVENTS}`, "UID:ev-new"));
    const incremental = await timed(() => syncConnection(db, bigConnection, new Date(now.getTime() + 60_000)));
    if (!incremental.value.ok) throw new Error(`incremental sync failed: ${incremental.value.error}`);
    console.log(`first sync: ${round(first.ms / 1000, 2)} s (${first.value.blocks} busy blocks) · incremental after one change: ${round(incremental.ms)} ms (${incremental.value.changed} changed)`);
    if (first.ms > 10_000) problems.push(`first sync ${round(first.ms)} ms > 10 s`);
    if (incremental.ms > 1_000) problems.push(`incremental sync ${round(incremental.ms)} ms > 1 s`);

    // Twenty members, each with a CalDAV calendar of 50 events, all synced just now.
    await db.insert(users).values([
      { id: "admin", name: "Admin", email: "admin@bench.test", role: "admin", canScheduleForOthers: true },
      ...accounts.slice(1).map((a) => ({ id: a.username, name: `Member ${a.username}`, email: `${a.username}@bench.test`, calendarSyncEnabled: true })),
    ]);
    for (const account of accounts.slice(1)) {
      const url = await uploadCalendar(radicale.url, account.username, Array.from({ length: 50 }, (_, i) => vevent(i + SERIES, now)));
      const outcome = await syncConnection(db, await connectionFor(db, account.username, radicale.url, account.username, url));
      if (!outcome.ok) throw new Error(outcome.error);
    }
    const admin = (await loadActor(db, "admin")) as Actor;
    const created = await createRotation(db, admin, { name: "CalDAV team", userIds: accounts.slice(1).map((a) => a.username) });
    if (!created.ok) throw new Error(created.error.message);
    const rotationId = created.value.rotationId;

    // Every request leaving the process on the dialog path is counted: with fresh calendars, none.
    let remoteRequests = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (...args: Parameters<typeof fetch>) => {
      remoteRequests++;
      return realFetch(...args);
    };
    const samples: number[] = [];
    for (let run = 0; run < RUNS + 10; run++) {
      const { ms } = await timed(async () => {
        const proposal = await getProposal(db, admin, rotationId, {});
        if (!proposal.ok) throw new Error(proposal.error.message);
        const host = proposal.value.ranking.proposed?.userId ?? "m0";
        const week = await getHostCalendar(db, admin, host, {});
        if (!week.ok) throw new Error(week.error.message);
      });
      if (run >= 10) samples.push(ms); // the first runs warm caches and the JIT
    }
    globalThis.fetch = realFetch;
    const dialog = summarize(samples);
    console.log(`dialog open → proposal and host week, ${MEMBERS} CalDAV members, fresh: median ${round(dialog.median)} ms, p95 ${round(dialog.p95)} ms (${RUNS} runs); remote requests on that path: ${remoteRequests}`);
    if (dialog.median > 150) problems.push(`dialog median ${round(dialog.median)} ms > 150 ms`);
    if (remoteRequests > 0) problems.push(`${remoteRequests} remote requests on the dialog path`);
    const [bigRow] = await db.select().from(calendarConnections).where(eq(calendarConnections.id, bigConnection));
    console.log(`sync state kept for the next incremental sync: ${Object.keys(bigRow?.syncState ?? {}).join(", ")}`);
  } finally {
    await bench.dispose();
    await radicale.stop();
  }
  if (printVerdict(problems)) process.exitCode = 1;
}

await main();

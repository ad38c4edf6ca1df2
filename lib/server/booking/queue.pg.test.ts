import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { meetings } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import type { BookedMeeting } from "@/lib/server/booking/book-meeting";
import { rotationFixture, slot } from "@/test/booking-fixture";
import { openTestDatabase, testDatabaseKinds, truncateAll } from "@/test/db";
import { expectCountsDerived } from "@/test/rotation-counts";

// Another session holds locks here while bookings wait, which PGlite (one connection) cannot.
describe.runIf(testDatabaseKinds().includes("postgres"))("the rotation booking queue [postgres]", () => {
  let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  let other: postgres.Sql | undefined;
  const db = (): Database => {
    if (!opened) throw new Error("test database not opened yet");
    return opened.handle.db;
  };
  /** A session of its own, outside the app's pool, that can hold a transaction open. */
  const session = async () => {
    if (!other) throw new Error("not opened yet");
    const reserved = await other.reserve();
    await reserved`begin`;
    return reserved;
  };
  beforeAll(async () => {
    opened = await openTestDatabase("postgres");
    other = postgres(opened.url ?? "", { max: 4, onnotice: () => {} });
  });
  afterAll(async () => {
    await other?.end();
    await opened?.dispose();
  });
  beforeEach(async () => {
    await truncateAll(db());
  });

  /** Resolves once `n` sessions of this database wait for a lock. */
  async function sessionsWaitingForALock(n: number): Promise<void> {
    for (let tries = 0; tries < 500; tries++) {
      const [row] = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(sql`pg_stat_activity`)
        .where(sql`datname = current_database() and wait_event_type = 'Lock'`);
      if ((row?.n ?? 0) >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`never saw ${n} session(s) waiting for a lock`);
  }

  const hostOf = (r: Result<BookedMeeting>) => (r.ok ? r.value.hostUserId : r.error.code);

  it("R11: bookings that arrive while one waits for the rotation's lock go together in the next transaction", async () => {
    const { rotationId, book } = await rotationFixture(db(), ["m1", "m2", "m3", "m4", "m5"]);
    const holder = await session();
    await holder`select 1 from rotations where id = ${rotationId} for update`;
    const first = book(slot(0));
    await sessionsWaitingForALock(1);
    const rest = Array.from({ length: 9 }, (_, i) => book(slot(i + 1)));
    // They queue in this process behind the first; give them time to pass their own reads.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await holder`commit`;
    holder.release();

    const results = await Promise.all([first, ...rest]);
    expect(results.every((r) => r.ok)).toBe(true);
    // Rows written by one transaction share its id (xmin): the first alone, the nine together.
    const [row] = await db().select({ n: sql<number>`count(distinct xmin::text)::int` }).from(meetings);
    expect(row?.n).toBe(2);
    expect(Object.values(await expectCountsDerived(db(), rotationId)).sort()).toEqual([2, 2, 2, 2, 2]);
  });

  it("R10: a batch the database refuses (a slot taken meanwhile through another way) is retried one by one: only that booking fails", async () => {
    const { rotationId, book, contactId } = await rotationFixture(db(), ["m1", "m2", "m3"]);
    // Two meetings booked elsewhere (another rotation, or the hosts' own calendars), not yet
    // committed: the queue's reads cannot see them, only the exclusion constraint will.
    const insertMeeting = (tx: postgres.ReservedSql, host: string, start: string) =>
      tx`insert into meetings (host_user_id, booked_by_user_id, record_type, record_id, title, starts_at, ends_at)
         values (${host}, ${host}, 'contact', ${contactId}, 'Elsewhere', ${start}, ${new Date(Date.parse(start) + 30 * 60_000).toISOString()})`;
    const firstHolder = await session();
    await insertMeeting(firstHolder, "m1", slot(0));
    const secondHolder = await session();
    await insertMeeting(secondHolder, "m3", slot(5));

    const alone = book(slot(0), "m1"); // waits on the first holder's row
    await sessionsWaitingForALock(1);
    const batched = [book(slot(5), "m3"), book(slot(6))];
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await firstHolder`commit`;
    firstHolder.release();
    expect(hostOf(await alone)).toBe("slot_taken");
    await sessionsWaitingForALock(1); // the two queued bookings, written together, wait on the second holder
    await secondHolder`commit`;
    secondHolder.release();

    const results = await Promise.all([alone, ...batched]);
    expect(results.map(hostOf)).toEqual(["slot_taken", "slot_taken", "m1"]);
    expect(await expectCountsDerived(db(), rotationId)).toEqual({ m1: 1, m2: 0, m3: 0 });
  });
});

import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { calendarFeedTokens } from "@/db/schema";
import { hashToken } from "@/lib/server/tokens";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertRep } from "@/test/factories";
import { createCalendarFeedToken, findCalendarFeed, revokeCalendarFeedToken } from "./calendar-feed";

describeEachDatabase("calendar feed URLs", (current) => {
  it("keeps only the hash of the secret, and a new URL replaces the old one", async () => {
    const { db } = current();
    const rep = await actorFor(db, (await insertRep(db)).id);
    const first = await createCalendarFeedToken(db, rep);
    const second = await createCalendarFeedToken(db, rep);
    if (!first.ok || !second.ok) throw new Error("feed not created");
    expect(first.value.token).not.toBe(second.value.token);

    const rows = await db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, rep.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(second.value.token));
    expect(JSON.stringify(rows)).not.toContain(second.value.token);
    expect(await findCalendarFeed(db, rep.id)).not.toBeNull();
  });

  it("revoking removes the URL, and revoking again is harmless", async () => {
    const { db } = current();
    const rep = await actorFor(db, (await insertRep(db)).id);
    await createCalendarFeedToken(db, rep);
    expect(await revokeCalendarFeedToken(db, rep)).toEqual({ ok: true, value: { revoked: true } });
    expect(await revokeCalendarFeedToken(db, rep)).toEqual({ ok: true, value: { revoked: false } });
    expect(await findCalendarFeed(db, rep.id)).toBeNull();
  });
});

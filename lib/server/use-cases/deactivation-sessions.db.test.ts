import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { sessions } from "@/db/schema";
import type { Database } from "@/db/client";
import { updateUser } from "@/lib/server/use-cases/update-user";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertAdmin, insertUser } from "@/test/factories";
import { unwrap } from "@/test/rotation-counts";

async function addSession(db: Database, userId: string, token: string): Promise<void> {
  await db.insert(sessions).values({ id: `s_${token}`, token, userId, expiresAt: new Date(Date.now() + 86_400_000) });
}

async function sessionTokensOf(db: Database, userId: string): Promise<string[]> {
  return (await db.select({ token: sessions.token }).from(sessions).where(eq(sessions.userId, userId))).map((row) => row.token).sort();
}

describeEachDatabase("deactivation ends sessions", (current) => {
  it("a deactivated user's sessions are gone, so reactivating them does not sign them back in", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db, { id: "admin" })).id);
    await insertUser(db, { id: "u1" });
    await addSession(db, "u1", "laptop");
    await addSession(db, "u1", "phone");
    await addSession(db, "admin", "admin-laptop");

    unwrap(await updateUser(db, admin, "u1", { active: false }));
    expect(await sessionTokensOf(db, "u1")).toEqual([]);
    unwrap(await updateUser(db, admin, "u1", { active: true }));
    expect(await sessionTokensOf(db, "u1")).toEqual([]);
    // Nobody else is signed out.
    expect(await sessionTokensOf(db, "admin")).toEqual(["admin-laptop"]);
  });

  it("other changes, and a refused deactivation, keep the sessions", async () => {
    const { db } = current();
    const admin = await actorFor(db, (await insertAdmin(db, { id: "admin" })).id);
    await insertUser(db, { id: "u1" });
    await addSession(db, "u1", "laptop");
    await addSession(db, "admin", "admin-laptop");

    unwrap(await updateUser(db, admin, "u1", { seatAssigned: false, timeZone: "Europe/Paris" }));
    expect(await sessionTokensOf(db, "u1")).toEqual(["laptop"]);
    // An admin cannot deactivate themselves; the refusal must not sign them out either.
    expect((await updateUser(db, admin, "admin", { active: false })).ok).toBe(false);
    expect(await sessionTokensOf(db, "admin")).toEqual(["admin-laptop"]);
  });
});

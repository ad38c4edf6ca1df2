import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { apiTokens, users } from "@/db/schema";
import { authenticateBearer } from "@/lib/server/api/bearer";
import { listApiTokens } from "@/lib/server/queries/api-tokens";
import { createApiToken, MAX_ACTIVE_TOKENS } from "@/lib/server/use-cases/create-api-token";
import { hashToken } from "@/lib/server/tokens";
import { revokeApiToken } from "@/lib/server/use-cases/revoke-api-token";
import { describeEachDatabase } from "@/test/db";
import { actorFor, insertUser } from "@/test/factories";
import { unwrap } from "@/test/rotation-counts";

describeEachDatabase("personal API tokens", (current) => {
  it("shows a token once and stores only its SHA-256 and a short prefix", async () => {
    const { db } = current();
    const owner = await actorFor(db, (await insertUser(db, { id: "owner" })).id);
    const created = unwrap(await createApiToken(db, owner, { name: "  Website form  " }));
    expect(created.token).toMatch(/^mr_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("Website form");
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row).toMatchObject({ userId: "owner", name: "Website form", tokenHash: hashToken(created.token), tokenPrefix: created.token.slice(0, 10), lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await listApiTokens(db, owner)).toEqual([
      { id: created.id, name: "Website form", prefix: created.prefix, createdAt: row?.createdAt, lastUsedAt: null, revokedAt: null },
    ]);
  });

  it("authenticates its owner, records the last use, and refuses it once revoked, unknown or malformed", async () => {
    const { db } = current();
    const owner = await actorFor(db, (await insertUser(db, { id: "owner" })).id);
    const { id, token } = unwrap(await createApiToken(db, owner, { name: "Script" }));
    expect(unwrap(await authenticateBearer(db, `Bearer ${token}`)).id).toBe("owner");
    const [used] = await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, id));
    expect(used?.at).toBeInstanceOf(Date);

    for (const header of [`Bearer mr_${"x".repeat(43)}`, "Bearer nope", `Basic ${token}`, `Bearer ${token} extra`, "Bearer "]) {
      expect((await authenticateBearer(db, header)).ok, header).toBe(false);
    }
    expect(unwrap(await revokeApiToken(db, owner, id))).toEqual({ revoked: true });
    expect(unwrap(await revokeApiToken(db, owner, id))).toEqual({ revoked: false });
    const refused = await authenticateBearer(db, `Bearer ${token}`);
    expect(refused).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it("stops working when its owner is deactivated, and works with their current rights", async () => {
    const { db } = current();
    const owner = await actorFor(db, (await insertUser(db, { id: "owner", canScheduleForOthers: false })).id);
    const { token } = unwrap(await createApiToken(db, owner, { name: "Script" }));
    await db.update(users).set({ canScheduleForOthers: true }).where(eq(users.id, "owner"));
    expect(unwrap(await authenticateBearer(db, `Bearer ${token}`)).canScheduleForOthers).toBe(true);
    await db.update(users).set({ active: false }).where(eq(users.id, "owner"));
    expect((await authenticateBearer(db, `Bearer ${token}`)).ok).toBe(false);
  });

  it("lets people revoke only their own tokens; someone else's is not found", async () => {
    const { db } = current();
    const owner = await actorFor(db, (await insertUser(db, { id: "owner" })).id);
    const other = await actorFor(db, (await insertUser(db, { id: "other" })).id);
    const { id } = unwrap(await createApiToken(db, owner, { name: "Script" }));
    expect(await revokeApiToken(db, other, id)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await revokeApiToken(db, owner, "not-an-id")).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await listApiTokens(db, other)).toEqual([]);
    const [row] = await db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, id));
    expect(row?.revokedAt).toBeNull();
  });

  it("refuses bad names and more than the maximum of active tokens, writing nothing", async () => {
    const { db } = current();
    const owner = await actorFor(db, (await insertUser(db, { id: "owner" })).id);
    for (const input of [{}, { name: "" }, { name: "   " }, { name: "x".repeat(101) }, { name: 42 }, { name: "ok", extra: 1 }, null]) {
      expect(await createApiToken(db, owner, input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: "validation" } });
    }
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) unwrap(await createApiToken(db, owner, { name: `t${i}` }));
    expect(await createApiToken(db, owner, { name: "one too many" })).toMatchObject({ ok: false, error: { code: "validation", fields: { name: [expect.any(String)] } } });
    expect(await db.$count(apiTokens)).toBe(MAX_ACTIVE_TOKENS);
    // Revoking one frees a place.
    const [first] = await listApiTokens(db, owner);
    unwrap(await revokeApiToken(db, owner, first?.id ?? ""));
    unwrap(await createApiToken(db, owner, { name: "replacement" }));
  });
});

import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { apiTokens } from "@/db/schema";
import { rotationListSchema } from "@/lib/server/api/contract/rotations";
import { hashToken } from "@/lib/server/tokens";
import { api, signIn } from "../api-client";
import { DEMO, type AppServer } from "../app-server";
import { expectBody, expectError } from "./expect";
import { describeApiContract } from "./suite";

const NO_SUCH_UUID = "00000000-0000-4000-8000-000000000000";

describeApiContract("authentication", (server) => {
  const endpoints = (s: AppServer): Array<[string, string]> => [
    ["GET", "/api/v1/rotations"],
    ["GET", `/api/v1/rotations/${s.facts.rotationIds.emea}`],
    ["GET", `/api/v1/rotations/${s.facts.rotationIds.emea}/proposal`],
    ["PATCH", `/api/v1/rotations/${s.facts.rotationIds.emea}/members/usr_lukas`],
    ["POST", "/api/v1/meetings"],
    ["DELETE", `/api/v1/meetings/${NO_SUCH_UUID}`],
    ["GET", "/api/v1/users/usr_james/calendar"],
  ];

  it("answers 401 with the error shape on every endpoint without credentials", async () => {
    for (const [method, path] of endpoints(server())) {
      const response = await api(server(), method, path, { as: "none", body: method === "PATCH" || method === "POST" ? { available: false } : undefined });
      expectError(response, 401, "unauthenticated");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("refuses unknown, malformed and revoked tokens, tokens of inactive users, and other schemes", async () => {
    const s = server();
    const headers = [
      `Bearer mr_${"A".repeat(43)}`,
      "Bearer not-a-token",
      `Bearer ${s.facts.tokens.revoked}`,
      `Bearer ${s.facts.tokens.inactive}`,
      `Basic ${Buffer.from("james@acme.test:rotations-demo").toString("base64")}`,
      "Bearer",
      "",
    ];
    for (const authorization of headers) {
      expectError(await api(s, "GET", "/api/v1/rotations", { as: { authorization } }), 401, "unauthenticated");
    }
  });

  it("accepts a token, with the scheme in any case, and acts with its owner's current rights", async () => {
    const s = server();
    expectBody(await api(s, "GET", "/api/v1/rotations", { as: { authorization: `bearer ${s.facts.tokens.rep}` } }), 200, rotationListSchema);
    expectError(await api(s, "GET", "/api/v1/rotations", { as: "repWithoutPermission" }), 403, "forbidden");
  });

  it("accepts the session cookie, and a bad token never falls back to it", async () => {
    const s = server();
    const { cookie } = await signIn(s, DEMO.rep.email);
    expectBody(await api(s, "GET", "/api/v1/rotations", { as: { cookie } }), 200, rotationListSchema);
    expectError(await api(s, "GET", "/api/v1/rotations", { as: { cookie, authorization: "Bearer mr_nope" } }), 401, "unauthenticated");
    expectError(await api(s, "GET", "/api/v1/rotations", { as: { cookie: "better-auth.session_token=forged.value" } }), 401, "unauthenticated");
  });

  it("stores tokens only as SHA-256 hashes and records their last use", async () => {
    const s = server();
    expectBody(await api(s, "GET", "/api/v1/rotations", { as: "admin" }), 200, rotationListSchema);
    const rows = await s.withDatabase((db) =>
      db.select().from(apiTokens).where(and(eq(apiTokens.userId, DEMO.admin.id), eq(apiTokens.name, "Contract tests"))),
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.tokenHash).toBe(hashToken(s.facts.tokens.admin));
    expect(JSON.stringify(rows)).not.toContain(s.facts.tokens.admin);
    expect(s.facts.tokens.admin.startsWith(row?.tokenPrefix ?? "?")).toBe(true);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });
});

import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorSchema } from "@/lib/server/api/contract/common";
import { assertBuilt, startNextProcess, stopNextProcess, type NextProcess } from "@/test/next-process";

/** A port nothing listens on: PostgreSQL "down", refused at once. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/*
 * With PostgreSQL unreachable the API answers 503 `unavailable` in its error shape — so a
 * client knows to retry — and never a stack trace or a driver message.
 */
describe("JSON API v1 with the database down", () => {
  let server: NextProcess | undefined;
  const problems: string[] = [];
  beforeAll(async () => {
    assertBuilt();
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/nowhere`;
    server = await startNextProcess({ DATABASE_URL: url, DATA_DIR: path.join(process.cwd(), ".test-data", "unused") }, problems, 503);
  }, 180_000);
  afterAll(async () => {
    if (server) await stopNextProcess(server);
  });

  it("answers 503 unavailable, with and without credentials, and still serves the OpenAPI document", async () => {
    const base = `http://127.0.0.1:${server?.port}`;
    const requests: Array<[string, string, Record<string, string>]> = [
      ["GET", "/api/v1/rotations", {}],
      ["GET", "/api/v1/rotations", { authorization: `Bearer mr_${"a".repeat(43)}` }],
      ["DELETE", "/api/v1/meetings/00000000-0000-4000-8000-000000000000", { authorization: `Bearer mr_${"a".repeat(43)}` }],
      ["GET", "/api/v1/users/usr_james/calendar", { cookie: "better-auth.session_token=x.y" }],
    ];
    for (const [method, route, headers] of requests) {
      const response = await fetch(`${base}${route}`, { method, headers });
      const text = await response.text();
      expect(response.status, text).toBe(503);
      const body = errorSchema.parse(JSON.parse(text));
      expect(body.error.code).toBe("unavailable");
      expect(text).not.toMatch(/ECONNREFUSED|postgres|\bat \S+ \(|node_modules/i);
    }
    expect((await fetch(`${base}/api/v1/openapi.json`)).status).toBe(200);
  });
});

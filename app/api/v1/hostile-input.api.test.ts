import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorSchema } from "@/lib/server/api/contract/common";
import { api, signIn, type ApiResponse } from "@/test/api-client";
import { bookings } from "@/test/api-fuzz/bookings";
import { availabilityWrites, calendarReads, meetingDeletes, rotationList, rotationReads, type FuzzContext, type FuzzRequest } from "@/test/api-fuzz/requests";
import { useAppServer } from "@/test/app-server";
import { fingerprint, type Fingerprint } from "@/test/db-fingerprint";
import { testDatabaseKinds } from "@/test/db";

/*
 * At least RUNS generated hostile requests per endpoint — wrong types, huge strings, bad
 * dates, unknown and other people's ids, SQL and HTML payloads, broken JSON and headers —
 * against the real build on each database. Every one must be answered without a 5xx, in the
 * API's error shape, and together they must leave the database exactly as it was.
 */
const RUNS = 1000;

/**
 * Statuses Next.js itself answers before any handler runs: 308 to normalise a path with an
 * empty segment (`/meetings//x`, `/meetings/`), 405 for a method a route lacks, 414/431 for
 * an oversized URL. None of them reaches the database.
 */
const FRAMEWORK_STATUSES = new Set([308, 405, 414, 431]);


function check(request: FuzzRequest, response: ApiResponse): void {
  const where = `${request.method} ${request.path.slice(0, 300)} → ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  if (FRAMEWORK_STATUSES.has(response.status)) return;
  if (request.method !== "GET") expect(response.status, `a hostile write was accepted: ${where}`).toBeGreaterThanOrEqual(400);
  expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
  if (response.status >= 400) expect(errorSchema.safeParse(response.json).success, where).toBe(true);
}

for (const kind of testDatabaseKinds()) {
  describe(`hostile input to the JSON API [${kind}]`, () => {
    let context: FuzzContext | undefined;
    let before: Fingerprint | undefined;
    const server = useAppServer(kind, async (app) => {
      // Signing in writes a session, so it happens before the "before" picture is taken.
      context = { facts: app.facts, sessionCookie: (await signIn(app)).cookie };
      before = await app.withDatabase(fingerprint);
    });
    const fuzzContext = () => {
      if (!context) throw new Error("app server not started");
      return context;
    };

    const endpoints: Array<[string, (c: FuzzContext) => fc.Arbitrary<FuzzRequest>]> = [
      ["GET /rotations", rotationList],
      ["GET /rotations/{id}", (c) => rotationReads(c, "")],
      ["GET /rotations/{id}/proposal", (c) => rotationReads(c, "/proposal")],
      ["PATCH /rotations/{id}/members/{userId}", availabilityWrites],
      ["POST /meetings", bookings],
      ["DELETE /meetings/{id}", meetingDeletes],
      ["GET /users/{id}/calendar", calendarReads],
    ];
    for (const [name, requests] of endpoints) {
      it(`${name}: ${RUNS} hostile requests, no 5xx, errors in the API's shape`, async () => {
        await fc.assert(
          fc.asyncProperty(requests(fuzzContext()), async (request) => {
            check(request, await api(server(), request.method, request.path, request.options));
          }),
          { numRuns: RUNS },
        );
      }, 300_000);
    }

    it("left the database exactly as it was", async () => {
      const after = await server().withDatabase(fingerprint);
      expect(after).toEqual(before);
      // A value only PostgreSQL refused means a schema let it through: a 400 still, but a gap.
      expect(server().problems()).toEqual([]);
    }, 120_000);
  });
}

import { describe, expect, it } from "vitest";
import { useAppServer, type AppServer } from "../app-server";
import { testDatabaseKinds } from "../db";

/*
 * The JSON API v1 (DESIGN §6) through HTTP against the real production build, once per
 * database: success shapes (parsed with the schemas the OpenAPI document is made from),
 * every error code, token and cookie authentication, and permission refusals. Each area's
 * cases live in their own `*.api.test.ts` file and get a freshly seeded server of their own,
 * so no area's bookings or switches can change what another area sees.
 */
export function describeApiContract(area: string, cases: (server: () => AppServer) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`JSON API v1 ${area} [${kind}]`, () => {
      const server = useAppServer(kind);
      cases(server);

      it("logged no bug and no value that only the database refused", () => {
        expect(server().problems()).toEqual([]);
      });
    });
  }
}

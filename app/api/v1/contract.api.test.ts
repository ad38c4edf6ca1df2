import { describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/test/db";
import { useAppServer } from "@/test/app-server";
import { authContract } from "@/test/api-contract/auth";
import { calendarContract } from "@/test/api-contract/calendar";
import { meetingsContract } from "@/test/api-contract/meetings";
import { openApiContract } from "@/test/api-contract/openapi";
import { rotationsContract } from "@/test/api-contract/rotations";

/*
 * The JSON API v1 (DESIGN §6) through HTTP against the real production build, once per
 * database: success shapes (parsed with the schemas the OpenAPI document is made from),
 * every error code, token and cookie authentication, and permission refusals.
 */
for (const kind of testDatabaseKinds()) {
  describe(`JSON API v1 contract [${kind}]`, () => {
    const server = useAppServer(kind);

    describe("authentication", () => authContract(server));
    describe("rotations", () => rotationsContract(server));
    describe("meetings", () => meetingsContract(server));
    describe("calendars", () => calendarContract(server));
    describe("openapi", () => openApiContract(server));

    it("logged no bug and no value that only the database refused", () => {
      expect(server().problems()).toEqual([]);
    });
  });
}

import { expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/server/openapi/document";
import { api } from "../api-client";
import { expectError } from "./expect";
import { describeApiContract } from "./suite";

describeApiContract("openapi", (server) => {
  it("serves the OpenAPI document without credentials, as generated from the schemas", async () => {
    const response = await api(server(), "GET", "/api/v1/openapi.json", { as: "none" });
    expect(response.status).toBe(200);
    expect(response.json).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it("answers JSON 404 for paths the API does not have", async () => {
    expectError(await api(server(), "GET", "/api/v1/nothing-here"), 404, "not_found");
    expectError(await api(server(), "POST", "/api/v1/rotations/x/y/z", { body: {} }), 404, "not_found");
  });
});

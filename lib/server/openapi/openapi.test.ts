import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bookMeetingInputSchema } from "@/lib/server/booking/input";
import { availabilityInputSchema } from "@/lib/server/use-cases/set-member-availability";
import { buildOpenApiDocument } from "./document";

/*
 * The OpenAPI 3.1 document: valid for a maintained validator (@readme/openapi-parser),
 * structurally sound, and listing exactly the routes under app/api/v1.
 */

type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const ROUTES_DIR = path.join(process.cwd(), "app", "api", "v1");

/** "METHOD /path" for every exported handler, from the route files themselves. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/${path.relative(ROUTES_DIR, dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
        // The catch-all only answers "no such endpoint"; it is not part of the API.
        if (route.includes("[...")) continue;
        const source = readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${method} ${route}`);
      }
    }
  };
  walk(ROUTES_DIR);
  return found.sort();
}

function operations(doc: Json): Array<{ key: string; path: string; op: Json }> {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, path: p, op: op as Json })),
  );
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => (key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner)));
  }
  return [];
}

function resolve(doc: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Json)[part.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined), doc);
}

describe("OpenAPI document", () => {
  const doc = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Json;

  it("lists every route under app/api/v1, and nothing else", () => {
    expect(operations(doc).map((o) => o.key).sort()).toEqual(routesOnDisk());
  });

  it("is OpenAPI 3.1 with the required top-level fields", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc).filter((k) => !["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs"].includes(k) && !k.startsWith("x-"))).toEqual([]);
  });

  it("gives every operation a unique operationId, responses with content, and declared path parameters", () => {
    const ids = operations(doc).map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, path: template, op } of operations(doc)) {
      expect(typeof op.operationId, key).toBe("string");
      const responses = op.responses as Record<string, Json>;
      expect(Object.keys(responses).some((status) => /^2\d\d$/.test(status)), key).toBe(true);
      for (const [status, response] of Object.entries(responses)) {
        expect(status, key).toMatch(/^[1-5]\d\d$/);
        expect(typeof response.description, `${key} ${status}`).toBe("string");
      }
      const params = (op.parameters ?? []) as Json[];
      const declared = params.filter((p) => p.in === "path").map((p) => p.name);
      const inTemplate = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(declared.sort(), key).toEqual(inTemplate.sort());
      for (const param of params) {
        expect(["path", "query", "header", "cookie"], key).toContain(param.in);
        if (param.in === "path") expect(param.required, key).toBe(true);
        expect(param.schema, `${key} ${String(param.name)}`).toBeTypeOf("object");
      }
      for (const requirement of (op.security ?? doc.security) as Json[]) {
        for (const scheme of Object.keys(requirement)) expect(Object.keys((doc.components as Json).securitySchemes as Json), key).toContain(scheme);
      }
    }
  });

  it("resolves every $ref", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolve(doc, ref), ref).toBeTypeOf("object");
  });

  it("describes request bodies with the very schemas the use cases parse", () => {
    const schemas = (doc.components as Json).schemas as Json;
    const asClientsSend = (schema: z.ZodType) => {
      const converted = { ...(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json) };
      delete converted.$schema;
      return converted;
    };
    expect(schemas.BookMeetingInput).toEqual(asClientsSend(bookMeetingInputSchema));
    expect(schemas.AvailabilityInput).toEqual(asClientsSend(availabilityInputSchema));
    expect(schemas.BookMeetingInput).toMatchObject({ additionalProperties: false, required: ["recordType", "recordId", "title", "start", "durationMinutes"] });
  });
});

describe("the OpenAPI document, for a maintained validator", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    // The validator dereferences in place: give it a copy.
    const result = await validate(structuredClone(buildOpenApiDocument()) as Parameters<typeof validate>[0]);
    expect(result).toMatchObject({ valid: true, specification: "OpenAPI" });
  });
});

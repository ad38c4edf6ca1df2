import "server-only";
import { z } from "zod";
import { HTTP_STATUS, type ErrorCode } from "@/lib/domain/result";
import { errorSchema } from "@/lib/server/api/contract/common";
import { MAX_BODY_BYTES } from "@/lib/server/api/limits";
import { OPERATIONS, type NamedSchema, type Operation } from "./operations";

type JsonSchema = Record<string, unknown>;

/** zod 4's own converter; requests are described as clients send them (`io: "input"`), responses as sent. */
function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const converted = { ...(z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema) };
  // OpenAPI 3.1's own dialect is 2020-12 already; a per-schema $schema only adds noise.
  delete converted.$schema;
  return converted;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed JSON, wrong types, unknown fields or parameters, or out-of-range values.",
  401: "No valid session cookie or API token.",
  403: "Signed in, but not allowed to do this.",
  404: "It does not exist.",
  409: "A conflict with the current state: the slot is taken or the member is unavailable.",
  422: "Valid JSON that breaks a rule.",
  503: "The database is unavailable; retry later.",
};

function errorResponses(operation: Operation): Record<string, unknown> {
  const codes: ErrorCode[] = [...operation.errors, ...(operation.public ? [] : (["unauthenticated"] as const)), "unavailable"];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(HTTP_STATUS[code], [...(byStatus.get(HTTP_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        { description: `${STATUS_TEXT[status] ?? "Error."} Codes: ${list.map((c) => `\`${c}\``).join(", ")}.`, content: { "application/json": { schema: ref("Error") } } },
      ]),
  );
}

function parameters(operation: Operation): unknown[] {
  const path = Object.entries(operation.pathParams ?? {}).map(([name, p]) => ({ name, in: "path", required: true, description: p.description, schema: toJsonSchema(p.schema, "input") }));
  const querySchema = operation.query ? toJsonSchema(operation.query, "input") : { properties: {} };
  const properties = (querySchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((querySchema.required ?? []) as string[]);
  const query = Object.entries(properties).map(([name, { description, ...schema }]) => ({ name, in: "query", required: required.has(name), description, schema }));
  const headers = Object.entries(operation.headerParams ?? {}).map(([name, p]) => ({ name, in: "header", required: false, description: p.description, schema: toJsonSchema(p.schema, "input") }));
  return [...path, ...query, ...headers];
}

function operationObject(operation: Operation): Record<string, unknown> {
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(operation.public ? { security: [] } : {}),
    parameters: parameters(operation),
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: ref(operation.body.name) } }, description: `JSON, at most ${MAX_BODY_BYTES / 1024} KB. Unknown fields are refused.` } }
      : {}),
    responses: {
      [String(operation.success.status)]: { description: operation.success.description, content: { "application/json": { schema: ref(operation.success.body.name) } } },
      ...errorResponses(operation),
    },
  };
}

function componentSchemas(): Record<string, JsonSchema> {
  const entries: Array<[NamedSchema, "input" | "output"]> = [
    [{ name: "Error", schema: errorSchema }, "output"],
    ...OPERATIONS.flatMap((op): Array<[NamedSchema, "input" | "output"]> => [...(op.body ? [[op.body, "input"] as [NamedSchema, "input"]] : []), [op.success.body, "output"]]),
  ];
  return Object.fromEntries(entries.map(([named, io]) => [named.name, toJsonSchema(named.schema, io)]));
}

/** The OpenAPI 3.1 document served at /api/v1/openapi.json, built from the live zod schemas. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  return {
    openapi: "3.1.1",
    info: {
      title: "Meeting Rotations API",
      version: "1.0.0",
      description:
        "Book and inspect meeting rotations with the same rules and errors as the app. Authenticate with a personal API token (Settings → API tokens) as `Authorization: Bearer <token>`, or with the app's session cookie. Errors are `{ \"error\": { \"code\", \"message\", \"fields\"?, \"members\"? } }`. Times are ISO 8601 with an offset.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [
      { name: "Rotations", description: "Members, counts and proposals (R1–R8)." },
      { name: "Meetings", description: "Booking and deleting (R6, R9–R11)." },
      { name: "Calendars", description: "Busy time and free slots (§3)." },
      { name: "Fairness", description: "Rotation settings, the count ledger, outcomes and reassignment (R13–R19)." },
      { name: "Out of office", description: "Periods in which a user is skipped in every rotation (R16)." },
      { name: "Meta", description: "This description." },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token, created in Settings → API tokens (shown once)." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The app's session, as set by signing in." },
      },
    },
  };
}

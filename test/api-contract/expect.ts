import { expect } from "vitest";
import type { z } from "zod";
import type { ErrorCode } from "@/lib/domain/result";
import { errorSchema } from "@/lib/server/api/contract/common";
import type { ApiResponse } from "../api-client";

function describe(response: ApiResponse): string {
  return `${response.status} ${response.text.slice(0, 500)}`;
}

/** A success of the given status whose body is exactly what the OpenAPI schema says. */
export function expectBody<S extends z.ZodType>(response: ApiResponse, status: number, schema: S): z.output<S> {
  expect(response.status, describe(response)).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const parsed = schema.safeParse(response.json);
  if (!parsed.success) throw new Error(`body does not match its schema: ${parsed.error.message}\n${response.text.slice(0, 1000)}`);
  return parsed.data;
}

/** The one error shape, with the expected status and code; returns the field errors. */
export function expectError(response: ApiResponse, status: number, code: ErrorCode): Record<string, string[]> {
  const body = expectBody(response, status, errorSchema);
  expect(body.error.code, describe(response)).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  // Never a stack trace, SQL or a driver message.
  expect(response.text).not.toMatch(/\bat \S+ \(|node_modules|SELECT |INSERT |postgres|drizzle/i);
  return body.error.fields ?? {};
}

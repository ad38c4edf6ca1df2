import "server-only";
import { z } from "zod";
import type { ErrorCode } from "@/lib/domain/result";
import { entityId } from "@/lib/server/validation";

/** A named schema: it becomes `#/components/schemas/{name}`. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

export interface Operation {
  method: "get" | "put" | "post" | "patch" | "delete";
  /** OpenAPI form, relative to the server URL /api/v1: `/rotations/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Rotations" | "Meetings" | "Calendars" | "Fairness" | "Out of office" | "Meta";
  pathParams?: Record<string, { description: string; schema: z.ZodType }>;
  headerParams?: Record<string, { description: string; schema: z.ZodType }>;
  query?: z.ZodObject;
  body?: NamedSchema;
  success: { status: 200 | 201; description: string; body: NamedSchema };
  /** The error codes this operation can answer with (401 is implied unless `public`). */
  errors: ErrorCode[];
  public?: boolean;
}

export const rotationId = { description: "The rotation's id.", schema: entityId };
export const common: ErrorCode[] = ["validation"];


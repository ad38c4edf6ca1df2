import "server-only";
import { z } from "zod";
import { fail, ok, type FieldErrors, type Result } from "@/lib/domain/result";

/** Parses untrusted input with a zod schema into a Result with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fail("validation", "Some fields need attention.", fields);
}

/** Ids the database generates. Checked before any query: PostgreSQL rejects a malformed uuid with an error, not an empty result. */
export const entityId = z.guid({ message: "Not a valid id." });
/** User ids are text (better-auth makes them). PostgreSQL text cannot hold U+0000, so such an id names nobody. */
export const userId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((value) => !value.includes("\u0000"), "Not a valid id.");

export function isUserId(value: string): boolean {
  return userId.safeParse(value).success;
}

export function isEntityId(value: string): boolean {
  return entityId.safeParse(value).success;
}

/** Control characters (Unicode category Cc: CR, LF, NUL, ESC…) and the line and paragraph separators. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/**
 * Every free-text field people type (titles, names, locations): trimmed, bounded, one line.
 * A line break would let a title start a new event in an `.ics` file, a NUL makes PostgreSQL
 * refuse the row with an error instead of the form showing one.
 */
export function plainText(options: { max: number; required?: string }) {
  const text = z.string({ message: options.required ?? "Enter text." }).trim();
  const bounded = (options.required ? text.min(1, options.required) : text).max(options.max, `Use ${options.max} characters or fewer.`);
  return bounded.refine((value) => !hasControlCharacters(value), "Use one line of text without control characters.");
}

import "server-only";
import { fail, ok, type FieldErrors, type Result } from "@/lib/domain/result";

/**
 * The query string as an object for a strict zod schema to judge. A parameter given twice
 * is refused rather than silently resolved: `?from=a&from=b` has no single meaning.
 */
export function readQuery(request: Request): Result<Record<string, string>> {
  const params = new URL(request.url).searchParams;
  // A Map, then fromEntries: a parameter named __proto__ must become a key, not a prototype.
  const query = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [key, value] of params) {
    if (query.has(key)) repeated.add(key);
    query.set(key, value);
  }
  if (repeated.size > 0) {
    const fields: FieldErrors = Object.fromEntries([...repeated].map((key) => [key, ["Give this parameter once."]]));
    return fail("validation", "Some query parameters are repeated.", fields);
  }
  return ok(Object.fromEntries(query));
}

/** For endpoints that take no parameters: an unknown one is refused like an unknown body field. */
export function refuseQuery(request: Request): Result<null> {
  const keys = [...new Set(new URL(request.url).searchParams.keys())];
  if (keys.length === 0) return ok(null);
  const fields: FieldErrors = Object.fromEntries(keys.map((key) => [key, ["This endpoint takes no query parameters."]]));
  return fail("validation", "This endpoint takes no query parameters.", fields);
}

import "server-only";
import { fail, ok, type Result } from "@/lib/domain/result";
import { MAX_BODY_BYTES } from "./limits";

/**
 * Reads a JSON request body into `unknown` for a use case to parse. Refusals are 400s:
 * a missing or wrong Content-Type, a body over MAX_BODY_BYTES, bytes that are not UTF-8,
 * text that is not JSON, and strings holding U+0000 (PostgreSQL text cannot store it, so it
 * would otherwise surface as a database error instead of a validation error).
 *
 * Requiring `application/json` also keeps cookie-authenticated writes safe from other
 * sites: a cross-origin page can only send that type after a CORS preflight, which the API
 * never grants.
 */
export async function readJsonBody(request: Request): Promise<Result<unknown>> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return fail("validation", "Send a JSON body with the header Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return tooLarge();
  const bytes = await readLimited(request);
  if (bytes === null) return tooLarge();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("validation", "The body is not valid UTF-8.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail("validation", "The body is not valid JSON.");
  }
  const nulAt = findNul(value);
  if (nulAt !== null) {
    const key = nulAt.length > 0 ? nulAt.join(".") : "_";
    return fail("validation", "Text may not contain the character U+0000.", { [key]: ["Text may not contain the character U+0000."] });
  }
  return ok(value);
}

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const type = header.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

function tooLarge(): Result<never> {
  return fail("validation", `The body is too large (at most ${MAX_BODY_BYTES / 1024} KB).`);
}

/** The body's bytes, or null as soon as it grows past the limit (a lying Content-Length included). */
async function readLimited(request: Request): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

/**
 * The path of the first string (or key) containing U+0000, or null. Iterative, with parent
 * links instead of copied paths: a 64 KB body can nest 30,000 levels deep.
 */
function findNul(root: unknown): string[] | null {
  const stack: Visit[] = [{ value: root, key: null, parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return pathOf(visit);
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes("\u0000")) return pathOf(visit);
        stack.push({ value: item, key, parent: visit });
      }
    }
  }
  return null;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

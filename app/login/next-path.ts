import { hasControlCharacters } from "@/lib/server/validation";

export const DEFAULT_NEXT_PATH = "/contacts";

// Any origin will do: the path is resolved against it and must stay on it.
const SITE = "https://site.invalid";

/**
 * Where to go after signing in: a path on this site, or the default. The value is resolved
 * the way a browser resolves a Location header (tabs and newlines dropped, `\` read as `/`,
 * `.` segments removed), so `/\t/evil.example`, `/\evil.example` and `/.//evil.example`,
 * which all lead off the site, are recognised as such rather than pattern-matched.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 500 || hasControlCharacters(next)) return DEFAULT_NEXT_PATH;
  let url: URL;
  try {
    url = new URL(next, SITE);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  // A resolved path starting with `//` is a network-path reference once it is sent back.
  if (url.origin !== SITE || url.pathname.startsWith("//")) return DEFAULT_NEXT_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

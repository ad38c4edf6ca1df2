import fc from "fast-check";

/*
 * Hostile values for the JSON API fuzz tests: wrong types, huge strings, bad dates, SQL and
 * HTML payloads, prototype keys, control characters. Nothing here decides whether a request
 * must be refused — the request builders (requests.ts) guarantee that.
 */

export const PAYLOADS = [
  "' OR '1'='1",
  "1; DROP TABLE meetings; --",
  "'); DELETE FROM rotation_members; --",
  "\" OR \"\"=\"",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(document.cookie)>",
  "javascript:alert(1)",
  "${7*7}",
  "{{7*7}}",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "\u0000",
  "a\u0000b",
  "\u001b[31mred",
  "\r\nSet-Cookie: x=1",
  "\uFEFF",
  "\uD800",
  "𝕳𝖊𝖑𝖑𝖔 🎉",
  "Robert'); --",
  "%00",
  "%",
  "__proto__",
  "constructor",
  "prototype",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "",
  " ",
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PAYLOADS), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ minLength: 101, maxLength: 3000 }), weight: 1 },
  { arbitrary: fc.constantFrom("x".repeat(10_000), "é".repeat(70_000)), weight: 1 },
);

/** Any JSON value, hostile strings included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const DAY_MS = 86_400_000;

/** Strings that are not ISO 8601 instants with an offset, or that name impossible times. */
export const badDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "2031-02-30T09:00:00Z",
    "2031-02-29T09:00:00Z",
    "2031-01-07T09:00:00",
    "2031-01-07",
    "2031-01-07T25:00:00Z",
    "2031-13-01T00:00:00Z",
    "2031-01-07T09:00:00+24:00",
    "2031-01-07 09:00:00Z",
    "2031-W02-1T09:00:00Z",
    "+275760-09-13T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "Tue, 07 Jan 2031 09:00:00 GMT",
    "1e12",
    "yesterday",
    "now",
    "",
  ),
  fc.integer().map(String),
  hostileString,
);

/** Well-formed ISO instants that are refused for when they are: in the past, or over a year ahead. */
export function refusedInstant(now: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date(now - DAY_MS), noInvalidDate: true }),
    fc.date({ min: new Date(now + 400 * DAY_MS), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
  ).map((d) => d.toISOString());
}

/**
 * Percent-encodings no decoder accepts. Next.js would answer them with its own 500 before
 * any route code runs; the proxy answers the API's JSON 400 instead.
 */
export const malformedSegment: fc.Arbitrary<string> = fc.constantFrom("%FF", "%E0%A4%A", "%", "%zz", "a%2", "%C0%AF", "x%ED%A0%80");

/**
 * URL text as a client would send it: well-formed, percent-encoded UTF-8. Capped at 300 characters so a whole URL stays under Node's 16 KB header limit:
 * past it the server answers 431, and a 308 carrying such a URL back overflows the client.
 */
export function urlText(value: string): string {
  return encodeURIComponent(value.toWellFormed().slice(0, 300));
}

/** A query string of hostile names and values, sometimes repeated or raw. */
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc
    .array(fc.tuple(fc.oneof(hostileString, fc.constantFrom("from", "to", "durationMinutes", "__proto__")), fc.oneof(hostileString, badDate)), { maxLength: 4 })
    .map((pairs) => (pairs.length === 0 ? "" : `?${pairs.map(([k, v]) => `${urlText(k)}=${urlText(v)}`).join("&")}`)),
  fc.constantFrom("?", "?&&", "?=", "?a", "?%zz=%", "?from=%E0%A4%A", "?from&from", "?to=2031-01-07T09:00:00%2B01:00"),
);

/**
 * A query string with at least one parameter the route handler will see, so an endpoint that
 * takes none must refuse it. Next.js drops a parameter named `__proto__` before any handler
 * runs (it parses the query into a plain object), so such a query is not "unknown" — just absent.
 */
export const unknownQuery: fc.Arbitrary<string> = hostileQuery.filter((q) => [...new URLSearchParams(q).keys()].some((key) => key !== "__proto__"));

import fc from "fast-check";
import type { Credentials, RequestOptions } from "../api-client";
import type { SeedFacts } from "../app-server";
import { badDate, hostileQuery, hostileString, hostileValue, malformedSegment, refusedInstant, unknownQuery, urlText } from "./values";

/*
 * Request builders for the hostile-input property test. Each one yields only requests that
 * must be refused — that is what lets the test demand "no change in the database" — while
 * still reaching deep: most bodies are valid except for one or more guaranteed refusals.
 */

export interface FuzzContext {
  facts: SeedFacts;
  /** A real session of the rep's, so cookie authentication is exercised too. */
  sessionCookie: string;
}

export interface FuzzRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  options: RequestOptions;
}

const DAY_MS = 86_400_000;
const EMEA_MEMBERS = ["usr_camille", "usr_lukas", "usr_sofia", "usr_olivia"];
const SUPPORT_MEMBERS = ["usr_priya", "usr_wei", "usr_mia"];
const EVERYONE = ["usr_morgan", "usr_james", "usr_daniel", "usr_noah", "usr_ethan", "usr_gone", ...EMEA_MEMBERS, ...SUPPORT_MEMBERS];
const BOOKING_FIELDS = ["recordType", "recordId", "title", "start", "durationMinutes", "location", "attendeeContactIds", "rotationId", "hostUserId"];

/**
 * Anyone: mostly real callers (a token or the session cookie), so requests get past the
 * authentication gate and reach validation and the rules; sometimes nobody or a broken credential.
 */
export function anyone(sessionCookie: string): fc.Arbitrary<Credentials> {
  return fc.oneof(
    { arbitrary: fc.constantFrom<Credentials>("admin", "rep", "repWithoutPermission", { cookie: sessionCookie }), weight: 8 },
    { arbitrary: fc.constantFrom<Credentials>("inactive", "revoked", "none", { cookie: "better-auth.session_token=forged.signature" }), weight: 1 },
    { arbitrary: hostileString.map((s): Credentials => ({ authorization: `Bearer ${s.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, "")}` })), weight: 1 },
  );
}
/** Callers who are refused whatever they send: nobody, bad tokens, and (for writes an admin may make) non-admins. */
const unauthenticated: fc.Arbitrary<Credentials> = fc.constantFrom<Credentials>("none", "inactive", "revoked", { authorization: "Bearer mr_0000000000000000000000000000000000000000000" });

const rawBody = fc.oneof(fc.constantFrom("{", "[", '{"a":', "nul", "{'single': 1}", '{"a":1}}', "\u0000", "\uFEFF{}"), fc.string({ maxLength: 200 }));
const notJsonType = fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", null);

/** A body that is not JSON, not sent as JSON, or not an object. */
const brokenBody: fc.Arbitrary<RequestOptions> = fc.oneof(
  rawBody.map((raw): RequestOptions => ({ rawBody: raw })),
  fc.tuple(fc.jsonValue({ maxDepth: 2 }), notJsonType).map(([value, contentType]): RequestOptions => ({ body: value, contentType })),
  fc.oneof(fc.array(hostileValue, { maxLength: 3 }), hostileString, fc.integer(), fc.constant(null)).map((value): RequestOptions => ({ body: value })),
);

function ids(facts: SeedFacts) {
  return {
    rotation: fc.oneof(fc.constantFrom(facts.rotationIds.emea, facts.rotationIds.support), fc.uuid(), hostileString),
    user: fc.oneof(fc.constantFrom(...EVERYONE), hostileString),
  };
}

/** GET /rotations/{id} (suffix "") or /rotations/{id}/proposal. */
export function rotationReads({ facts, sessionCookie }: FuzzContext, suffix: "" | "/proposal"): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.oneof({ weight: 9, arbitrary: ids(facts).rotation.map(urlText) }, { weight: 1, arbitrary: malformedSegment }), hostileQuery, anyone(sessionCookie))
    .map(([segment, query, as]) => ({ method: "GET", path: `/api/v1/rotations/${segment}${suffix}${query}`, options: { as } }));
}

export function rotationList({ sessionCookie }: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(hostileQuery, anyone(sessionCookie)).map(([query, as]) => ({ method: "GET", path: `/api/v1/rotations${query}`, options: { as } }));
}

export function calendarReads({ facts, sessionCookie }: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const now = Date.now();
  const instant = fc.oneof(badDate, refusedInstant(now), fc.date({ min: new Date(now - 40 * DAY_MS), max: new Date(now + 80 * DAY_MS), noInvalidDate: true }).map((d) => d.toISOString()));
  const query = fc.oneof(
    hostileQuery,
    fc
      .record({ from: instant, to: instant, durationMinutes: fc.oneof(fc.constantFrom("15", "30", "45", "60"), hostileString) }, { requiredKeys: [] })
      .map((q) => `?${Object.entries(q).map(([k, v]) => `${k}=${urlText(v)}`).join("&")}`),
  );
  return fc.tuple(ids(facts).user, query, anyone(sessionCookie)).map(([id, q, as]) => ({ method: "GET", path: `/api/v1/users/${urlText(id)}/calendar${q}`, options: { as } }));
}

export function availabilityWrites({ facts, sessionCookie }: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const { rotation, user } = ids(facts);
  const valid = fc.boolean().map((available): RequestOptions => ({ body: { available } }));
  const invalid: fc.Arbitrary<RequestOptions> = fc.oneof(
    brokenBody,
    hostileValue.filter((v) => typeof v !== "boolean").map((available): RequestOptions => ({ body: { available } })),
    fc.tuple(fc.boolean(), hostileString.filter((k) => k !== "available"), hostileValue).map(([available, key, value]): RequestOptions => ({
      body: Object.fromEntries([["available", available], [key, value]]),
    })),
  );
  const nonMember = (rotationId: string) => user.filter((u) => !(rotationId === facts.rotationIds.emea ? EMEA_MEMBERS : SUPPORT_MEMBERS).includes(u));
  const request = (rotationId: string, userId: string, options: RequestOptions, query = ""): FuzzRequest => ({
    method: "PATCH",
    path: `/api/v1/rotations/${urlText(rotationId)}/members/${urlText(userId)}${query}`,
    options,
  });
  return fc.oneof(
    // Anyone, any ids, a body that is refused.
    fc.tuple(rotation, user, invalid, anyone(sessionCookie)).map(([r, u, options, as]) => request(r, u, { ...options, as })),
    // A valid body from someone who may not change availability.
    fc.tuple(rotation, user, valid, fc.oneof(unauthenticated, fc.constantFrom<Credentials>("rep", "repWithoutPermission"))).map(([r, u, options, as]) => request(r, u, { ...options, as })),
    // An admin with a valid body, for a non-member or a rotation that does not exist.
    fc.tuple(fc.constantFrom(facts.rotationIds.emea, facts.rotationIds.support), valid).chain(([r, options]) => nonMember(r).map((u) => request(r, u, { ...options, as: "admin" }))),
    fc.tuple(fc.oneof(fc.uuid(), hostileString), user, valid).map(([r, u, options]) => request(r, u, { ...options, as: "admin" })),
    // Valid everything, but an unknown query parameter.
    fc.tuple(rotation, user, valid, unknownQuery).map(([r, u, options, q]) => request(r, u, { ...options, as: "admin" }, q)),
  );
}

export function meetingDeletes({ facts, sessionCookie }: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const unknownSegment = fc.oneof({ weight: 9, arbitrary: fc.oneof(fc.uuid(), hostileString).map(urlText) }, { weight: 1, arbitrary: malformedSegment });
  return fc.oneof(
    fc.tuple(unknownSegment, hostileQuery, anyone(sessionCookie)).map(([segment, q, as]) => ({ method: "DELETE" as const, path: `/api/v1/meetings/${segment}${q}`, options: { as } })),
    // Real meetings, by people who may not delete them (neither host, booker nor admin).
    fc.tuple(fc.constantFrom(...facts.meetingIds), fc.oneof(unauthenticated, fc.constant<Credentials>("repWithoutPermission"))).map(([id, as]) => ({
      method: "DELETE" as const,
      path: `/api/v1/meetings/${id}`,
      options: { as },
    })),
  );
}

export { BOOKING_FIELDS, EMEA_MEMBERS, EVERYONE, SUPPORT_MEMBERS, brokenBody };

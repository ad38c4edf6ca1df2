import fc from "fast-check";
import { RECORD_TYPES } from "@/lib/domain/records";
import type { Credentials, RequestOptions } from "../api-client";
import type { SeedFacts } from "../app-server";
import type { FuzzContext, FuzzRequest } from "./requests";
import { anyone, brokenBody, BOOKING_FIELDS, EMEA_MEMBERS, EVERYONE, SUPPORT_MEMBERS } from "./requests";
import { badDate, hostileString, hostileValue, PAYLOADS, refusedInstant, unknownQuery } from "./values";

type Body = Record<string, unknown>;
type Refusal = (body: Body) => Body;

const DAY_MS = 86_400_000;

/** Text a title or location may hold (SQL and HTML included, control characters not), so the refusal must come from elsewhere. */
const storableText = fc
  .oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 60 }))
  .map((s) => s.replace(/[\p{Cc}\u2028\u2029]/gu, "").trim().slice(0, 200))
  .filter((s) => s.length > 0);

/** Values each field's schema refuses. */
function invalidValue(field: string): fc.Arbitrary<unknown> {
  const notString = hostileValue.filter((v) => typeof v !== "string");
  switch (field) {
    case "recordType":
      return hostileValue.filter((v) => !(RECORD_TYPES as readonly unknown[]).includes(v));
    case "recordId":
    case "rotationId":
      return hostileValue.filter((v) => typeof v !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v));
    case "title":
      return fc.oneof(notString, fc.constantFrom("", "   ", "x".repeat(201), "a\u0000b", "a\r\nBEGIN:VEVENT", "a\u001bb"));
    case "start":
      return fc.oneof(notString, badDate);
    case "durationMinutes":
      return hostileValue.filter((v) => ![15, 30, 45, 60].includes(v as number));
    case "location":
      return fc.oneof(notString.filter((v) => v !== undefined), fc.constant("x".repeat(501)));
    case "attendeeContactIds":
      return fc.oneof(notString.filter((v) => !Array.isArray(v)), fc.array(hostileString, { minLength: 1, maxLength: 3 }).map((a) => [...a, "not-an-id"]));
    default:
      // hostUserId
      return fc.oneof(notString, fc.constantFrom("", "x".repeat(101)));
  }
}

/** Sunday 02:00 UTC, a week or two ahead: outside every demo person's working hours. */
function sundayNight(now: number): string {
  const day = new Date(now + 7 * DAY_MS);
  while (day.getUTCDay() !== 0) day.setTime(day.getTime() + DAY_MS);
  day.setUTCHours(2, 0, 0, 0);
  return day.toISOString();
}

/** Each refusal makes the body unbookable on its own, whatever else it holds. */
function refusals(facts: SeedFacts, now: number): fc.Arbitrary<Refusal> {
  const { emea, support } = facts.rotationIds;
  const nonMembers = (members: string[]) => fc.oneof(fc.constantFrom(...EVERYONE.filter((u) => !members.includes(u))), hostileString.filter((s) => s.trim().length > 0));
  return fc.oneof(
    // A field with a value its schema refuses (400).
    fc.constantFrom(...BOOKING_FIELDS).chain((field) => invalidValue(field).map((value): Refusal => (b) => ({ ...b, [field]: value }))),
    // A field the schema does not know (400). fromEntries: "__proto__" must stay a key.
    fc.tuple(hostileString.filter((k) => !BOOKING_FIELDS.includes(k)), hostileValue).map(([key, value]): Refusal => (b) => Object.fromEntries([...Object.entries(b), [key, value]])),
    // In the past (422) or beyond the booking horizon (400).
    refusedInstant(now).map((start): Refusal => (b) => ({ ...b, start })),
    // No such record, rotation or attendee (404, 404, 400).
    fc.uuid().map((recordId): Refusal => (b) => ({ ...b, recordId })),
    fc.uuid().map((rotationId): Refusal => (b) => ({ ...b, rotationId })),
    fc.array(fc.uuid(), { minLength: 1, maxLength: 3 }).map((attendeeContactIds): Refusal => (b) => ({ ...b, attendeeContactIds })),
    // A host who is not a member (422) or not eligible (422) in the rotation.
    nonMembers(EMEA_MEMBERS).map((hostUserId): Refusal => (b) => ({ ...b, rotationId: emea, hostUserId })),
    nonMembers(SUPPORT_MEMBERS).map((hostUserId): Refusal => (b) => ({ ...b, rotationId: support, hostUserId })),
    fc.constant<Refusal>((b) => ({ ...b, rotationId: emea, hostUserId: "usr_sofia" })),
    // A host already booked then (409), outside their working hours (422), or nobody working (422).
    fc.constantFrom(...facts.rotationMeetings).map((m): Refusal => (b) => ({ ...b, rotationId: m.rotationId, hostUserId: m.hostUserId, start: m.start })),
    fc.constantFrom(...EMEA_MEMBERS.filter((u) => u !== "usr_sofia")).map((hostUserId): Refusal => (b) => ({ ...b, rotationId: emea, hostUserId, start: sundayNight(now) })),
    fc.constant<Refusal>((b) => Object.fromEntries([...Object.entries(b).filter(([key]) => key !== "hostUserId"), ["rotationId", support], ["start", sundayNight(now)]])),
  );
}

/** POST /api/v1/meetings: a plausible booking with one to three guaranteed refusals. */
export function bookings({ facts, sessionCookie }: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const now = Date.now();
  const plausible = fc.record(
    {
      recordType: fc.constantFrom(...RECORD_TYPES),
      recordId: fc.constantFrom(...facts.contactIds.slice(0, 5)),
      title: storableText,
      start: fc.integer({ min: 2, max: 300 }).map((days) => new Date(Math.floor((now + days * DAY_MS) / 1_800_000) * 1_800_000).toISOString()),
      durationMinutes: fc.constantFrom(15, 30, 45, 60),
      location: storableText,
      rotationId: fc.constantFrom(facts.rotationIds.emea, facts.rotationIds.support),
      hostUserId: fc.constantFrom(...EMEA_MEMBERS, ...SUPPORT_MEMBERS),
    },
    { requiredKeys: ["recordType", "recordId", "title", "start", "durationMinutes"] },
  );
  const refused = fc
    .tuple(plausible, fc.array(refusals(facts, now), { minLength: 1, maxLength: 3 }))
    .map(([body, steps]) => steps.reduce<Body>((b, step) => step(b), body));
  const post = (options: RequestOptions, as: Credentials, query = ""): FuzzRequest => ({ method: "POST", path: `/api/v1/meetings${query}`, options: { ...options, as } });
  return fc.oneof(
    { arbitrary: fc.tuple(refused, anyone(sessionCookie)).map(([body, as]) => post({ body }, as)), weight: 6 },
    { arbitrary: fc.tuple(brokenBody, anyone(sessionCookie)).map(([options, as]) => post(options, as)), weight: 2 },
    // Bookable-looking bodies from callers who cannot book through a rotation at all.
    { arbitrary: fc.tuple(plausible, fc.constantFrom<Credentials>("none", "inactive", "revoked")).map(([body, as]) => post({ body }, as)), weight: 1 },
    { arbitrary: fc.tuple(plausible, fc.constant<Credentials>("repWithoutPermission")).map(([body, as]) => post({ body: { ...body, rotationId: facts.rotationIds.emea } }, as)), weight: 1 },
    // A valid body with an unknown query parameter.
    { arbitrary: fc.tuple(plausible, unknownQuery).map(([body, q]) => post({ body }, "rep", q)), weight: 1 },
  );
}

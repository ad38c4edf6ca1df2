import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { bookMeetingInputSchema } from "@/lib/server/booking/input";
import { apiTokenInputSchema } from "@/lib/server/use-cases/create-api-token";
import { teamNameSchema } from "@/lib/server/use-cases/create-team";
import { rotationNameSchema } from "@/lib/server/use-cases/rotation-input";

/*
 * Every free-text field people type is one line of text: a line break in a title became a
 * second event in the invite's `.ics`; a NUL made PostgreSQL fail the request with a 500.
 */

const booking = { recordType: "contact", recordId: "8b0c5a4e-0f6e-4a53-9d0a-3f1f5c2b7a10", title: "Intro", start: "2030-01-07T09:00:00Z", durationMinutes: 30 };

const FIELDS: Array<[string, (text: string) => z.ZodSafeParseResult<unknown>]> = [
  ["booking title", (text) => bookMeetingInputSchema.safeParse({ ...booking, title: text })],
  ["booking location", (text) => bookMeetingInputSchema.safeParse({ ...booking, location: text })],
  ["API token name", (text) => apiTokenInputSchema.safeParse({ name: text })],
  ["team name", (text) => teamNameSchema.safeParse(text)],
  ["rotation name", (text) => rotationNameSchema.safeParse(text)],
];

const HOSTILE = ["a\r\nBEGIN:VEVENT", "a\nb", "a\rb", "a\u0000b", "a\u001bb", "a\tb", "a\u007fb", "a\u0085b", "a\u2028b", "a\u2029b"];

describe("free-text fields refuse control characters", () => {
  for (const [field, parse] of FIELDS) {
    it(`${field}: accepts ordinary text, refuses every control character`, () => {
      expect(parse("Intro call, Café ☕ — Q3; 50%").success).toBe(true);
      for (const text of HOSTILE) expect(parse(text).success, JSON.stringify(text)).toBe(false);
    });
  }
});

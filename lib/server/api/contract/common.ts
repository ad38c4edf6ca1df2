import "server-only";
import { z } from "zod";
import { HTTP_STATUS } from "@/lib/domain/result";
import type { RankedMember, Ranking } from "@/lib/domain/ranking";

/*
 * The response shapes of the JSON API. Route handlers build their bodies through the
 * `present…` functions typed by these schemas, the OpenAPI document is generated from them,
 * and the contract tests parse every response with them — so the three cannot drift apart.
 * Strict objects: a field the document does not list is a test failure, not a surprise.
 */

export const timestamp = z.iso.datetime({ offset: true }).describe("ISO 8601, UTC (`Z`).");

export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export const ERROR_CODES = [...(Object.keys(HTTP_STATUS) as Array<keyof typeof HTTP_STATUS>), "internal_error"] as const;

export const errorSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES).describe("Stable; branch on this, not on the message."),
    message: z.string().describe("For people; may change."),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("Problems per input field, by dotted path (`_` for the whole body)."),
    members: z
      .array(z.strictObject({ userId: z.string(), name: z.string(), reason: z.string() }))
      .optional()
      .describe("With `no_member_free`, `no_member_available` and `proposal_changed`: every member in ranking order with their reason (R18, R20, R21)."),
  }),
});

export const ineligibleReasonSchema = z.enum(["inactive", "no_seat", "calendar_not_connected", "calendar_sync_off", "calendar_sync_failing"]);

export const memberStatusSchema = z.enum(["proposable", "busy", "capped", "out_of_office", "unavailable", "not_eligible"]);

export const rankedMemberSchema = z.strictObject({
  userId: z.string(),
  name: z.string(),
  position: z.int().min(1).describe("Place in the ranking; 1 is proposed when its status is proposable."),
  status: memberStatusSchema.describe("proposable; busy at the time asked about (keeps its place, passed over); capped or out of office (R18, R16); unavailable (R5); not eligible (R3)."),
  count: z.int().min(0).describe("Meetings booked through the rotation since its last reset (R6, R7)."),
  lastScheduledAt: timestamp.nullable().describe("Latest booking through the rotation, all time (R8)."),
  joinedAt: timestamp,
  available: z.boolean().describe("The availability switch (R5)."),
  eligible: z.boolean(),
  ineligibleReasons: z.array(ineligibleReasonSchema).describe("Why the member cannot take meetings (R3); empty when eligible."),
  weight: z.int().min(1),
  deficit: z.number().nullable().describe("Weighted rotations only, for proposable members (R8w)."),
  reason: z.string().describe("Why the member stands where they do."),
});

export function presentRankedMember(member: RankedMember): z.input<typeof rankedMemberSchema> {
  return {
    userId: member.userId,
    name: member.name,
    position: member.position,
    status: member.status,
    count: member.count,
    lastScheduledAt: iso(member.lastScheduledAt),
    joinedAt: iso(member.joinedAt),
    available: member.available,
    eligible: member.ineligibleReasons.length === 0,
    ineligibleReasons: [...member.ineligibleReasons],
    weight: member.weight,
    deficit: member.deficit,
    reason: member.reason,
  };
}

export const rankingSchema = z.strictObject({
  mode: z.enum(["even", "weighted"]).describe("The rotation's distribution: `even` (R8) or `weighted` (R8w)."),
  members: z.array(rankedMemberSchema).describe("Every member: proposable ones in rule order, then unavailable, then not eligible."),
  proposed: rankedMemberSchema.nullable().describe("The member whose turn it is; null when no member is eligible and available."),
});

export function presentRanking(ranking: Ranking): z.input<typeof rankingSchema> {
  return { mode: ranking.mode, members: ranking.members.map(presentRankedMember), proposed: ranking.proposed ? presentRankedMember(ranking.proposed) : null };
}

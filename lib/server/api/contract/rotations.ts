import "server-only";
import { z } from "zod";
import type { RotationDetail, RotationSummary } from "@/lib/server/queries/rotations";
import type { Proposal } from "@/lib/server/queries/get-proposal";
import { ineligibleReasonSchema, iso, memberStatusSchema, presentRanking, rankingSchema, timestamp } from "./common";

const distributionSchema = z.enum(["even", "weighted"]).describe("`even` (R8) or `weighted` (R8w).");

export const rotationListSchema = z.strictObject({
  rotations: z.array(
    z.strictObject({
      id: z.guid(),
      name: z.string(),
      distribution: distributionSchema,
      memberCount: z.int().min(0),
      countsResetAt: timestamp,
      lastBookingAt: timestamp.nullable(),
    }),
  ),
});

export function presentRotationList(rotations: RotationSummary[]): z.input<typeof rotationListSchema> {
  return {
    rotations: rotations.map((r) => ({
      id: r.id,
      name: r.name,
      distribution: r.distribution,
      memberCount: r.memberCount,
      countsResetAt: iso(r.countsResetAt),
      lastBookingAt: iso(r.lastBookingAt),
    })),
  };
}

export const rotationDetailSchema = z.strictObject({
  rotation: z.strictObject({
    id: z.guid(),
    name: z.string(),
    distribution: distributionSchema,
    countsResetAt: timestamp,
    createdAt: timestamp,
    updatedAt: timestamp,
    teams: z.array(z.strictObject({ id: z.guid(), name: z.string() })).describe("Teams whose current users are members (R2)."),
  }),
  proposedUserId: z.string().nullable().describe("Who is next (R8); null when nobody can be proposed."),
  members: z
    .array(
      z.strictObject({
        userId: z.string(),
        name: z.string(),
        email: z.string(),
        sources: z.array(z.string()).describe("`direct` and/or the names of the teams that bring the member in."),
        position: z.int().min(1),
        status: memberStatusSchema,
        count: z.int().min(0),
        lastScheduledAt: timestamp.nullable(),
        joinedAt: timestamp,
        available: z.boolean(),
        weight: z.int().min(1),
        eligible: z.boolean(),
        ineligibleReasons: z.array(ineligibleReasonSchema),
        reason: z.string(),
      }),
    )
    .describe("In ranking order."),
});

export function presentRotationDetail(detail: RotationDetail): z.input<typeof rotationDetailSchema> {
  const { rotation } = detail;
  return {
    rotation: {
      id: rotation.id,
      name: rotation.name,
      distribution: rotation.distribution,
      countsResetAt: iso(rotation.countsResetAt),
      createdAt: iso(rotation.createdAt),
      updatedAt: iso(rotation.updatedAt),
      teams: detail.teams,
    },
    proposedUserId: detail.ranking.proposed?.userId ?? null,
    members: detail.members.map((m) => ({
      userId: m.userId,
      name: m.name,
      email: m.email,
      sources: m.sources,
      position: m.position,
      status: m.status,
      count: m.count,
      lastScheduledAt: iso(m.lastScheduledAt),
      joinedAt: iso(m.joinedAt),
      available: m.available,
      weight: m.weight,
      eligible: m.eligible,
      ineligibleReasons: m.ineligibleReasons,
      reason: m.reason,
    })),
  };
}

export const proposalSchema = z.strictObject({
  rotation: z.strictObject({ id: z.guid(), name: z.string(), distribution: distributionSchema, countsResetAt: timestamp }),
  ranking: rankingSchema,
});

export function presentProposal(proposal: Proposal): z.input<typeof proposalSchema> {
  const { rotation, ranking } = proposal;
  return {
    rotation: { id: rotation.id, name: rotation.name, distribution: rotation.distribution, countsResetAt: iso(rotation.countsResetAt) },
    ranking: presentRanking(ranking),
  };
}

export const availabilityChangeSchema = z.strictObject({
  rotationId: z.guid(),
  userId: z.string(),
  available: z.boolean(),
  changed: z.boolean().describe("False when the member already had that availability."),
});

export function presentAvailabilityChange(rotationId: string, userId: string, change: { available: boolean; changed: boolean }): z.input<typeof availabilityChangeSchema> {
  return { rotationId, userId, available: change.available, changed: change.changed };
}

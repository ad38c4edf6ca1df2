import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { rotationMembers, type Rotation } from "@/db/schema";
import { canBookWithRotation, canManageRotations } from "@/lib/domain/permissions";
import { rankMembers, type Ranking } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import { MEETING_DURATIONS, type MeetingDuration } from "@/lib/domain/slots";
import type { Actor } from "@/lib/server/actor";
import { refreshStaleCalendars } from "@/lib/server/calendar/sync/refresh-stale";
import { loadCandidatesAt } from "@/lib/server/fairness/member-state";
import { findRotation } from "@/lib/server/rotations/repository";
import { isEntityId, parseInput } from "@/lib/server/validation";

export interface Proposal {
  rotation: Pick<Rotation, "id" | "name" | "distribution" | "countsResetAt" | "timeZone">;
  ranking: Ranking;
}

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** The query of GET /rotations/{id}/proposal: optionally a meeting time, to rank for it (R20). */
export const proposalQuerySchema = z
  .strictObject({
    start: z.iso
      .datetime({ offset: true, message: "Use an ISO 8601 time with an offset, e.g. 2030-01-07T09:00:00Z." })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() >= EARLIEST && date.getTime() < LATEST, "Use a time between the years 2000 and 2099.")
      .optional()
      .describe("A meeting time: members busy, out of office or capped then are marked so."),
    durationMinutes: z
      .enum(MEETING_DURATIONS.map(String) as ["15", "30", "45", "60"], { message: "Choose 15, 30, 45 or 60 minutes." })
      .transform((value) => Number(value) as MeetingDuration)
      .optional()
      .describe("The meeting's length with `start`. Default: 30."),
  })
  .refine((q) => q.start !== undefined || q.durationMinutes === undefined, { message: "Give start with durationMinutes.", path: ["start"] });

/**
 * Who is next in a rotation (R8, R8w) with the full ranking that explains it, each member
 * with one reason (R20); for a given meeting time, members who cannot take it say why.
 */
export async function getProposal(db: Database, actor: Actor, rotationId: string, query: unknown = {}): Promise<Result<Proposal>> {
  if (!canBookWithRotation(actor) && !canManageRotations(actor)) {
    return fail("forbidden", "You need a seat and the permission “Create scheduling pages for others”.");
  }
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const parsed = parseInput(proposalQuerySchema, query);
  if (!parsed.ok) return parsed;
  const rotation = await findRotation(db, rotationId);
  if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
  const { start, durationMinutes = 30 } = parsed.value;
  const at = start ? { start, end: new Date(start.getTime() + durationMinutes * 60_000) } : undefined;
  // C2: who is free at a time is only as true as the calendars behind it.
  if (at) await refreshStaleCalendars(db, await memberIds(db, rotation.id));
  const candidates = await loadCandidatesAt(db, rotation, { now: new Date(), at });
  const { id, name, distribution, countsResetAt, timeZone } = rotation;
  return ok({ rotation: { id, name, distribution, countsResetAt, timeZone }, ranking: rankMembers(candidates, distribution, { timeZone }) });
}

async function memberIds(db: Database, rotationId: string): Promise<string[]> {
  const rows = await db.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotationId));
  return rows.map((r) => r.userId);
}

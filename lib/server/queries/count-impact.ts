import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarConnections, rotationMembers, rotations, rotationTeams, teamMembers, teams, users, type Rotation } from "@/db/schema";
import { startLevel } from "@/lib/domain/calibration";
import { countedMeetings, planMembershipChange, type CountEffect } from "@/lib/domain/count-impact";
import { canManageRotations, ineligibilityReasons } from "@/lib/domain/permissions";
import { describeIneligibility, rankMembers } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { loadCounts } from "@/lib/server/fairness/counts";
import { loadCandidatesAt } from "@/lib/server/fairness/member-state";
import { settingsOf } from "@/lib/server/fairness/settings";
import { findRotation } from "@/lib/server/rotations/repository";
import { rotationInputSchema } from "@/lib/server/use-cases/rotation-input";
import { isEntityId, isUserId, parseInput } from "@/lib/server/validation";

/** A user about to join, and why they could not be proposed if they cannot (R3). */
export interface Newcomer {
  id: string;
  name: string;
  /** Empty when they can be proposed. */
  ineligibleText: string;
}

/** What a prospective change would do to one rotation's counts, with the figures it would wipe. */
export interface RotationCountImpact {
  rotationId: string;
  rotationName: string;
  effect: CountEffect;
  /** Meetings counted now: the sum of the counts the rotation page shows (R13, R14). */
  countedMeetings: number;
  /** Members now, before the change. */
  memberCount: number;
  joining: Newcomer[];
  leaving: number;
  /** Under start level (R15), the count the newcomers would start at; otherwise null. */
  startLevel: number | null;
}

export interface TeamJoinPreview {
  team: { id: string; name: string };
  user: Newcomer;
  /** Already in the team: adding changes nothing. */
  alreadyInTeam: boolean;
  /** Every rotation that includes the team, by name. */
  rotations: RotationCountImpact[];
}

const FORBIDDEN = "Only admins can change teams and rotations.";
const NO_USER = "Choose someone to add.";

async function newcomers(db: Database, ids: readonly string[]): Promise<Newcomer[]> {
  if (ids.length === 0) return [];
  const now = new Date();
  const rows = await db
    .select({ user: users, failingSince: calendarConnections.failingSince })
    .from(users)
    .leftJoin(calendarConnections, eq(calendarConnections.userId, users.id))
    .where(inArray(users.id, [...ids]))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map(({ user, failingSince }) => ({
    id: user.id,
    name: user.name,
    ineligibleText: describeIneligibility(ineligibilityReasons({ ...user, calendarFailingSince: failingSince }, now)),
  }));
}

/** The impact on one rotation of the change `next` makes to its members; reads only, locks nothing. */
async function impactOn(db: Database, rotation: Rotation, next: (current: string[]) => readonly string[], now: Date): Promise<RotationCountImpact> {
  const [counts, memberRows] = await Promise.all([
    loadCounts(db, rotation, settingsOf(rotation), now),
    db.select({ userId: rotationMembers.userId }).from(rotationMembers).where(eq(rotationMembers.rotationId, rotation.id)),
  ]);
  const current = memberRows.map((row) => row.userId);
  const plan = planMembershipChange(current, next(current), rotation.newcomerPolicy);
  let level: number | null = null;
  if (plan.effect === "level") {
    // As syncRotationMembers will compute it: the level of the members who can be proposed now,
    // for a newcomer of the default weight (their weight is set after they join).
    const candidates = await loadCandidatesAt(db, rotation, { now });
    const peers = rankMembers(candidates, rotation.distribution).members.filter((m) => m.status === "proposable");
    level = startLevel(1, peers, rotation.distribution);
  }
  return {
    rotationId: rotation.id,
    rotationName: rotation.name,
    effect: plan.effect,
    countedMeetings: countedMeetings([...counts.values()].map((c) => c.count)),
    memberCount: current.length,
    joining: await newcomers(db, plan.joining),
    leaving: plan.leaving.length,
    startLevel: level,
  };
}

/**
 * What adding a user to a team would do in every rotation that includes the team (R2): they
 * join each one they are not yet in, which resets its counts (R7) or starts them at level (R15).
 */
export async function previewTeamJoin(db: Database, actor: Actor, teamId: string, userId: string): Promise<Result<TeamJoinPreview>> {
  if (!canManageRotations(actor)) return fail("forbidden", FORBIDDEN);
  if (!isEntityId(teamId)) return fail("team_not_found", "This team does not exist.");
  if (userId.trim() === "") return fail("validation", NO_USER, { userId: [NO_USER] });
  if (!isUserId(userId)) return fail("user_not_found", "This user does not exist.", { userId: ["This user does not exist."] });
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) return fail("team_not_found", "This team does not exist.");
  const [user] = await newcomers(db, [userId]);
  if (!user) return fail("user_not_found", "This user does not exist.", { userId: ["This user does not exist."] });

  const [membership] = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  const including = await db
    .select({ rotation: rotations })
    .from(rotationTeams)
    .innerJoin(rotations, eq(rotations.id, rotationTeams.rotationId))
    .where(eq(rotationTeams.teamId, teamId))
    .orderBy(asc(rotations.name), asc(rotations.id));
  const now = new Date();
  const impacts: RotationCountImpact[] = [];
  for (const { rotation } of including) {
    impacts.push(await impactOn(db, rotation, (current) => (membership ? current : [...current, userId]), now));
  }
  return ok({ team, user, alreadyInTeam: Boolean(membership), rotations: impacts });
}

/** What saving the rotation panel would do to this rotation's counts: the same input as updateRotation. */
export async function previewRotationEdit(db: Database, actor: Actor, rotationId: string, input: unknown): Promise<Result<RotationCountImpact>> {
  if (!canManageRotations(actor)) return fail("forbidden", FORBIDDEN);
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const parsed = parseInput(rotationInputSchema, input);
  if (!parsed.ok) return parsed;
  const rotation = await findRotation(db, rotationId);
  if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");
  const { userIds, teamIds } = parsed.value;
  // Who the members would be (R2): users chosen directly plus every current user of a chosen team.
  const viaTeams = teamIds.length > 0 ? await db.select({ userId: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.teamId, teamIds)) : [];
  return ok(await impactOn(db, rotation, () => [...userIds, ...viaTeams.map((row) => row.userId)], new Date()));
}

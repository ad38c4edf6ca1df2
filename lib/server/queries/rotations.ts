import "server-only";
import { asc, count, eq, inArray, max } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarConnections, rotationMembers, rotations, rotationTeams, rotationUsers, teamMembers, teams, users, type Rotation } from "@/db/schema";
import { canBookWithRotation, canManageRotations } from "@/lib/domain/permissions";
import { describeIneligibility, rankMembers, type IneligibleReason, type MemberStatus, type Ranking } from "@/lib/domain/ranking";
import { fail, ok, type Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { loadCandidatesAt } from "@/lib/server/fairness/member-state";
import { findRotation } from "@/lib/server/rotations/repository";
import { isEntityId } from "@/lib/server/validation";
import { connectionState, type CalendarConnectionState } from "./calendar-connection";

export interface RotationSummary {
  id: string;
  name: string;
  distribution: Rotation["distribution"];
  memberCount: number;
  countsResetAt: Date;
  lastBookingAt: Date | null;
}

function mayRead(actor: Actor): boolean {
  return canManageRotations(actor) || canBookWithRotation(actor);
}

const FORBIDDEN = "You need the permission “Create scheduling pages for others”, or to be an admin.";

/** Every rotation, by name, with its size and its latest booking. */
export async function listRotations(db: Database, actor: Actor): Promise<Result<RotationSummary[]>> {
  if (!mayRead(actor)) return fail("forbidden", FORBIDDEN);
  const rows = await db.select().from(rotations).orderBy(asc(rotations.name));
  if (rows.length === 0) return ok([]);
  const ids = rows.map((r) => r.id);
  const sizes = await db
    .select({ rotationId: rotationMembers.rotationId, n: count() })
    .from(rotationMembers)
    .where(inArray(rotationMembers.rotationId, ids))
    .groupBy(rotationMembers.rotationId);
  // Each member row keeps its latest meeting time, so this reads members, not meetings.
  const latest = await db
    .select({ rotationId: rotationMembers.rotationId, at: max(rotationMembers.lastScheduledAt) })
    .from(rotationMembers)
    .where(inArray(rotationMembers.rotationId, ids))
    .groupBy(rotationMembers.rotationId);
  return ok(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      distribution: r.distribution,
      memberCount: sizes.find((s) => s.rotationId === r.id)?.n ?? 0,
      countsResetAt: r.countsResetAt,
      lastBookingAt: latest.find((l) => l.rotationId === r.id)?.at ?? null,
    })),
  );
}

export interface RotationMemberDetail {
  userId: string;
  name: string;
  email: string;
  /** "direct" and/or the names of the teams that bring them in (R2). */
  sources: string[];
  count: number;
  lastScheduledAt: Date | null;
  joinedAt: Date;
  available: boolean;
  weight: number;
  eligible: boolean;
  ineligibleReasons: IneligibleReason[];
  ineligibleText: string;
  /** Place in the ranking (1 = proposed when proposable). */
  position: number;
  status: MemberStatus;
  reason: string;
  /** Their calendar connection and how its sync goes (C1, C3). */
  calendar: CalendarConnectionState;
}

export interface RotationDetail {
  rotation: Rotation;
  members: RotationMemberDetail[];
  ranking: Ranking;
  directUserIds: string[];
  teams: Array<{ id: string; name: string }>;
}

/** A rotation with its members in ranking order, their counts, eligibility and sources. */
export async function getRotationDetail(db: Database, actor: Actor, rotationId: string): Promise<Result<RotationDetail>> {
  if (!mayRead(actor)) return fail("forbidden", FORBIDDEN);
  if (!isEntityId(rotationId)) return fail("rotation_not_found", "This rotation does not exist.");
  const rotation = await findRotation(db, rotationId);
  if (!rotation) return fail("rotation_not_found", "This rotation does not exist.");

  const now = new Date();
  // Independent reads, sent together: the ranking, the rotation's direct users and teams,
  // and its members' emails and calendar connections.
  const [candidates, direct, teamRows, viaTeams, emails] = await Promise.all([
    loadCandidatesAt(db, rotation, { now }),
    db.select({ userId: rotationUsers.userId }).from(rotationUsers).where(eq(rotationUsers.rotationId, rotationId)),
    db
      .select({ id: teams.id, name: teams.name })
      .from(rotationTeams)
      .innerJoin(teams, eq(teams.id, rotationTeams.teamId))
      .where(eq(rotationTeams.rotationId, rotationId))
      .orderBy(asc(teams.name)),
    db
      .select({ userId: teamMembers.userId, teamName: teams.name })
      .from(rotationTeams)
      .innerJoin(teamMembers, eq(teamMembers.teamId, rotationTeams.teamId))
      .innerJoin(teams, eq(teams.id, rotationTeams.teamId))
      .where(eq(rotationTeams.rotationId, rotationId)),
    db
      .select({ id: users.id, email: users.email, calendarConnected: users.calendarConnected, syncEnabled: users.calendarSyncEnabled, connection: calendarConnections })
      .from(rotationMembers)
      .innerJoin(users, eq(users.id, rotationMembers.userId))
      .leftJoin(calendarConnections, eq(calendarConnections.userId, users.id))
      .where(eq(rotationMembers.rotationId, rotationId)),
  ]);
  const ranking = rankMembers(candidates, rotation.distribution, { timeZone: rotation.timeZone });
  const directIds = new Set(direct.map((d) => d.userId));
  // By id: a 300-member rotation would otherwise search these lists 300 times each.
  const people = new Map(emails.map((e) => [e.id, e]));
  const teamsOf = new Map<string, string[]>();
  for (const row of viaTeams) teamsOf.set(row.userId, [...(teamsOf.get(row.userId) ?? []), row.teamName]);

  const members = ranking.members.map((m) => {
    const person = people.get(m.userId);
    return {
      userId: m.userId,
      name: m.name,
      email: person?.email ?? "",
      sources: [...(directIds.has(m.userId) ? ["direct"] : []), ...(teamsOf.get(m.userId) ?? [])],
      count: m.count,
      lastScheduledAt: m.lastScheduledAt,
      joinedAt: m.joinedAt,
      available: m.available,
      weight: m.weight,
      eligible: m.ineligibleReasons.length === 0,
      ineligibleReasons: [...m.ineligibleReasons],
      ineligibleText: describeIneligibility(m.ineligibleReasons),
      position: m.position,
      status: m.status,
      reason: m.reason,
      calendar: connectionState(person ?? { calendarConnected: false, syncEnabled: false, connection: null }, now),
    };
  });
  return ok({ rotation, members, ranking, directUserIds: [...directIds], teams: teamRows });
}

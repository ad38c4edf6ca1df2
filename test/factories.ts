import type { Database } from "@/db/client";
import { contacts, teamMembers, teams, users, type NewUser, type Team, type User } from "@/db/schema";
import type { WorkingHours } from "@/lib/domain/working-hours";
import { loadActor, type Actor } from "@/lib/server/actor";

/** Every day of the week, all day: any slot is inside working hours. */
export const ALWAYS_WORKING: WorkingHours = { weekdays: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" };

export type UserOptions = Partial<Omit<NewUser, "id" | "email">> & { id?: string };

let sequence = 0;

/**
 * A user who can be a rotation member (R3) unless told otherwise: active, with a seat and a
 * connected, syncing calendar; UTC, Monday–Friday 09:00–17:00.
 */
export async function insertUser(db: Database, options: UserOptions = {}): Promise<User> {
  const id = options.id ?? `usr_${String(++sequence).padStart(4, "0")}`;
  const [user] = await db
    .insert(users)
    .values({
      name: id,
      role: "member",
      active: true,
      seatAssigned: true,
      calendarConnected: true,
      calendarSyncEnabled: true,
      canScheduleForOthers: false,
      timeZone: "UTC",
      workingHours: { weekdays: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
      ...options,
      id,
      email: `${id}@example.test`,
    })
    .returning();
  if (!user) throw new Error("insert returned no user");
  return user;
}

/** An admin who may also book through rotations. */
export function insertAdmin(db: Database, options: UserOptions = {}): Promise<User> {
  return insertUser(db, { role: "admin", canScheduleForOthers: true, ...options });
}

/** A rep with a seat and "Create scheduling pages for others" (R4). */
export function insertRep(db: Database, options: UserOptions = {}): Promise<User> {
  return insertUser(db, { canScheduleForOthers: true, ...options });
}

export async function insertTeam(db: Database, name: string, userIds: readonly string[] = []): Promise<Team> {
  const [team] = await db.insert(teams).values({ name }).returning();
  if (!team) throw new Error("insert returned no team");
  if (userIds.length > 0) await db.insert(teamMembers).values(userIds.map((userId) => ({ teamId: team.id, userId })));
  return team;
}

/** A contact to book meetings from. */
export async function insertContact(db: Database): Promise<string> {
  const [row] = await db.insert(contacts).values({ firstName: "Ada", lastName: "Prospect" }).returning({ id: contacts.id });
  if (!row) throw new Error("insert returned no contact");
  return row.id;
}

/** The actor the use cases expect, read through the same path the app uses. */
export async function actorFor(db: Database, userId: string): Promise<Actor> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`no active user ${userId}`);
  return actor;
}

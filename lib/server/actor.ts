import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { ActorRights } from "@/lib/domain/permissions";

/** The signed-in person, as the rules see them, read fresh from the database. */
export interface Actor extends ActorRights {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}

/** Loads an actor by id; inactive users are nobody. */
export async function loadActor(db: Database, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      seatAssigned: users.seatAssigned,
      canScheduleForOthers: users.canScheduleForOthers,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row && row.active ? row : null;
}

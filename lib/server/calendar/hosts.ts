import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { WorkingHours } from "@/lib/domain/working-hours";

export interface HostSchedule {
  userId: string;
  name: string;
  timeZone: string;
  workingHours: WorkingHours;
}

export async function loadHostSchedules(db: Database, userIds: readonly string[]): Promise<Map<string, HostSchedule>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: users.id, name: users.name, timeZone: users.timeZone, workingHours: users.workingHours })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.map((row) => [row.userId, row]));
}

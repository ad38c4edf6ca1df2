import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, type Meeting } from "@/db/schema";
import type { LockedRotation } from "@/lib/server/rotations/repository";
import { lockRotation } from "@/lib/server/rotations/repository";

/** Which rotation a meeting belongs to, read before any lock: the lock order needs it. */
export async function peekMeetingRotation(db: Database, meetingId: string): Promise<{ rotationId: string | null } | undefined> {
  const [peek] = await db.select({ rotationId: meetings.rotationId }).from(meetings).where(eq(meetings.id, meetingId));
  return peek;
}

/**
 * Locks a meeting in the booking path's order, its rotation first and then the meeting, so a
 * change to a meeting's count (outcome, reassignment) queues behind concurrent bookings.
 */
export async function lockMeeting(tx: Database, meetingId: string, rotationId: string | null): Promise<{ meeting: Meeting; rotation: LockedRotation | undefined } | undefined> {
  const rotation = rotationId ? await lockRotation(tx, rotationId) : undefined;
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for("update");
  return meeting ? { meeting, rotation } : undefined;
}

// What a change of membership does to a rotation's counts (R7, R15), decided before it is
// made so the admin can confirm with the figures. Pure: the caller loads ids and counts.

import type { NewcomerPolicy } from "./rotation-settings";

/** "none": nobody joins; "reset": every count returns to 0 (R7); "level": a newcomer starts at the others' level (R15). */
export type CountEffect = "none" | "reset" | "level";

export interface MembershipChangePlan {
  /** Users who are not members now and would be, sorted: new members (R7). */
  joining: string[];
  /** Members now who would not be, sorted. Leaving resets nothing. */
  leaving: string[];
  effect: CountEffect;
}

/**
 * Compares the members now with the members a change would leave, as syncRotationMembers
 * does when it writes: anyone new resets every count unless the rotation starts newcomers
 * at level.
 */
export function planMembershipChange(current: readonly string[], prospective: readonly string[], policy: NewcomerPolicy): MembershipChangePlan {
  const now = new Set(current);
  const next = new Set(prospective);
  const joining = [...next].filter((id) => !now.has(id)).sort();
  const leaving = [...now].filter((id) => !next.has(id)).sort();
  const effect: CountEffect = joining.length === 0 ? "none" : policy === "start_level" ? "level" : "reset";
  return { joining, leaving, effect };
}

/** The meetings a reset would wipe: the sum of the counts the rotation shows now. */
export function countedMeetings(counts: Iterable<number>): number {
  let total = 0;
  for (const count of counts) total += count;
  return total;
}

/** A change asks for confirmation exactly when it resets some rotation's counts. */
export function needsResetConfirmation(rotations: ReadonlyArray<{ effect: CountEffect }>): boolean {
  return rotations.some((r) => r.effect === "reset");
}

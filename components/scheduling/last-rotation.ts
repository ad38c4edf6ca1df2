import type { SchedulingContext } from "./types";

const LAST_ROTATION_KEY = "meeting-rotations:last-rotation";

/** Reps mostly book through the same rotation: start from the one they used last, if it still exists. */
export function lastUsedRotation(rotations: SchedulingContext["rotations"]): string {
  const remembered = typeof window === "undefined" ? null : window.localStorage.getItem(LAST_ROTATION_KEY);
  return rotations.some((r) => r.id === remembered) ? (remembered ?? "") : "";
}

export function rememberRotation(rotationId: string): void {
  window.localStorage.setItem(LAST_ROTATION_KEY, rotationId);
}

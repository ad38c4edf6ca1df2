import { workingWindows, type Interval } from "./slots";
import type { WorkingHours } from "./working-hours";

/** Whether [start, end) lies wholly inside one of the host's working-hour windows. */
export function fitsWorkingHours(interval: Interval, timeZone: string, workingHours: WorkingHours): boolean {
  const windows = workingWindows({ timeZone, workingHours, from: interval.start, to: interval.end });
  return windows.some((w) => w.start.getTime() <= interval.start.getTime() && w.end.getTime() >= interval.end.getTime());
}

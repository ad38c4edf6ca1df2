import "server-only";
import type { Rotation } from "@/db/schema";
import type { RotationSettings } from "@/lib/domain/rotation-settings";

/** A rotation row's fairness settings (DESIGN §8) as the domain reads them. */
export function settingsOf(rotation: Rotation): RotationSettings {
  return {
    countWindow: rotation.countWindow,
    timeZone: rotation.timeZone,
    newcomerPolicy: rotation.newcomerPolicy,
    returnPolicy: rotation.returnPolicy,
    countNoShows: rotation.countNoShows,
    caps: { daily: rotation.dailyCap, weekly: rotation.weeklyCap, monthly: rotation.monthlyCap },
  };
}

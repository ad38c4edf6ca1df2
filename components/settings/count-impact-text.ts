import type { RotationCountImpact } from "@/lib/server/queries/count-impact";
import { plural } from "./format";

/** "Ava Chen", "Ava Chen and Noa Levi", "Ava Chen, Noa Levi and Kim Ode". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export interface CountImpactText {
  /** One sentence per rotation whose counts would reset, with the figures it wipes (R7). */
  resets: string[];
  /** One sentence per rotation that starts the newcomers at level instead (R15). */
  levels: string[];
  /** One sentence per newcomer who could never be proposed (R3). */
  warnings: string[];
}

/**
 * What a change does to counts, in the words of the confirmation: `change` is its subject,
 * e.g. "Adding Ava Chen to Sales EMEA". Rotations nobody joins are left out.
 */
export function describeCountImpact(change: string, rotations: readonly RotationCountImpact[]): CountImpactText {
  const resets = rotations
    .filter((r) => r.effect === "reset")
    .map((r) => `${change} resets every count in ${r.rotationName} (${plural(r.countedMeetings, "meeting")} counted among ${plural(r.memberCount, "member")}) to 0.`);
  const levels = rotations
    .filter((r) => r.effect === "level")
    .map((r) => {
      const names = r.joining.map((n) => n.name);
      return `In ${r.rotationName} nobody’s count changes: ${listNames(names)} ${names.length === 1 ? "starts" : "start"} at ${r.startLevel ?? 0}, the level of the others (start level).`;
    });
  const seen = new Map<string, string>();
  for (const r of rotations) for (const n of r.effect === "none" ? [] : r.joining) if (n.ineligibleText && !seen.has(n.id)) seen.set(n.id, `${n.name} can’t be proposed (${n.ineligibleText.toLowerCase()}): listed as not eligible, never booked.`);
  const warnings = [...seen.values()].map((w) => (resets.length > 0 ? w.replace(/\.$/, ", yet the counts still reset.") : w));
  return { resets, levels, warnings };
}

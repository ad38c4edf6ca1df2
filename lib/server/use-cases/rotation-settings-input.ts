import "server-only";
import { z } from "zod";
import type { Rotation } from "@/db/schema";
import { COUNT_WINDOWS, MAX_CAP, NEWCOMER_POLICIES, RETURN_POLICIES } from "@/lib/domain/rotation-settings";
import { isValidTimeZone } from "@/lib/domain/working-hours";

const cap = z
  .number({ message: `Enter a whole number from 1 to ${MAX_CAP}, or leave it empty for no cap.` })
  .int(`Enter a whole number from 1 to ${MAX_CAP}, or leave it empty for no cap.`)
  .min(1, `Enter a whole number from 1 to ${MAX_CAP}, or leave it empty for no cap.`)
  .max(MAX_CAP, `Enter a whole number from 1 to ${MAX_CAP}, or leave it empty for no cap.`)
  .nullable();

/** PATCH semantics: only the settings given change (DESIGN §8, R14–R18). */
export const rotationSettingsInputSchema = z.strictObject({
  countWindow: z.enum(COUNT_WINDOWS, { message: "Choose since_reset or monthly." }).optional(),
  timeZone: z
    .string({ message: "Use a time zone name such as Europe/Paris." })
    .trim()
    .max(64, "Use a time zone name such as Europe/Paris.")
    .refine(isValidTimeZone, "Use a time zone name such as Europe/Paris or America/New_York.")
    .optional(),
  newcomerPolicy: z.enum(NEWCOMER_POLICIES, { message: "Choose reset_everyone or start_level." }).optional(),
  returnPolicy: z.enum(RETURN_POLICIES, { message: "Choose catch_up or keep_level." }).optional(),
  countNoShows: z.boolean({ message: "countNoShows must be true or false." }).optional(),
  dailyCap: cap.optional(),
  weeklyCap: cap.optional(),
  monthlyCap: cap.optional(),
});

export type RotationSettingsInput = z.output<typeof rotationSettingsInputSchema>;

export const SETTING_KEYS = ["countWindow", "timeZone", "newcomerPolicy", "returnPolicy", "countNoShows", "dailyCap", "weeklyCap", "monthlyCap"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export type StoredSettings = Pick<Rotation, SettingKey>;

/** The rotation's settings with the given ones applied, and what differs: `{ key: { from, to } }`. */
export function applySettings(current: StoredSettings, input: RotationSettingsInput): { next: StoredSettings; changes: Partial<Record<SettingKey, { from: unknown; to: unknown }>> } {
  const next = { ...current };
  const changes: Partial<Record<SettingKey, { from: unknown; to: unknown }>> = {};
  for (const key of SETTING_KEYS) {
    const value = input[key];
    if (value === undefined || value === current[key]) continue;
    changes[key] = { from: current[key], to: value };
    (next as Record<SettingKey, unknown>)[key] = value;
  }
  return { next, changes };
}

export function storedSettingsOf(rotation: Rotation): StoredSettings {
  const { countWindow, timeZone, newcomerPolicy, returnPolicy, countNoShows, dailyCap, weeklyCap, monthlyCap } = rotation;
  return { countWindow, timeZone, newcomerPolicy, returnPolicy, countNoShows, dailyCap, weeklyCap, monthlyCap };
}

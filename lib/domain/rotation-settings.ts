// A rotation's fairness settings (DESIGN §8, R14–R18) and the vocabulary the schema stores.
// Every default is HubSpot's behaviour: counts since the last reset, a newcomer resets
// everyone, a returning member catches up, no-shows count, no caps.

import { localDayOf, startOfLocalDay } from "./week";

export const COUNT_WINDOWS = ["since_reset", "monthly"] as const;
export const NEWCOMER_POLICIES = ["reset_everyone", "start_level"] as const;
export const RETURN_POLICIES = ["catch_up", "keep_level"] as const;
export const MEETING_OUTCOMES = ["completed", "no_show", "canceled_by_contact"] as const;
export const CAP_KINDS = ["daily", "weekly", "monthly"] as const;

export type CountWindow = (typeof COUNT_WINDOWS)[number];
export type NewcomerPolicy = (typeof NEWCOMER_POLICIES)[number];
export type ReturnPolicy = (typeof RETURN_POLICIES)[number];
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
export type CapKind = (typeof CAP_KINDS)[number];

/** R17's outcomes as the pages name them. */
export const OUTCOME_LABELS: Record<MeetingOutcome, string> = { completed: "Completed", no_show: "No-show", canceled_by_contact: "Canceled by the contact" };

/** At most this many meetings per member per local day, week (Monday–Sunday) or month; null = no cap. */
export type Caps = Record<CapKind, number | null>;

export interface RotationSettings {
  countWindow: CountWindow;
  /** The zone of the monthly window (R14); caps use each host's own zone (R18). */
  timeZone: string;
  newcomerPolicy: NewcomerPolicy;
  returnPolicy: ReturnPolicy;
  /** R17: whether meetings marked no-show or canceled by the contact still count. */
  countNoShows: boolean;
  caps: Caps;
}

export const DEFAULT_ROTATION_SETTINGS: RotationSettings = {
  countWindow: "since_reset",
  timeZone: "UTC",
  newcomerPolicy: "reset_everyone",
  returnPolicy: "catch_up",
  countNoShows: true,
  caps: { daily: null, weekly: null, monthly: null },
};

export const MAX_CAP = 1000;

/** Outcomes that credit the host back when the rotation does not count them (R17). */
export function outcomeIsCredited(outcome: MeetingOutcome | null, countNoShows: boolean): boolean {
  return !countNoShows && (outcome === "no_show" || outcome === "canceled_by_contact");
}

/**
 * What re-marking a meeting does to its host's count (R17): −1 when it becomes credited back,
 * +1 when a credit-back is undone, 0 when its credited state stays (e.g. no-show → canceled).
 */
export function outcomeCountChange(previous: MeetingOutcome | null, next: MeetingOutcome | null, countNoShows: boolean): -1 | 0 | 1 {
  const before = outcomeIsCredited(previous, countNoShows);
  const after = outcomeIsCredited(next, countNoShows);
  return before === after ? 0 : after ? -1 : 1;
}

const DAY_MS = 86_400_000;

/** The first instant of the local month containing `instant` in `timeZone`. */
export function startOfLocalMonth(instant: Date, timeZone: string): Date {
  const day = localDayOf(instant, timeZone);
  const dayOfMonth = new Date(day * DAY_MS).getUTCDate();
  return startOfLocalDay(day - (dayOfMonth - 1), timeZone);
}

/**
 * Where the count window starts (R14): the last reset, or for a monthly window the later of
 * the last reset and the first instant of the current month in the rotation's zone. Recency
 * (R8) is never windowed.
 */
export function countWindowStart(settings: Pick<RotationSettings, "countWindow" | "timeZone">, countsResetAt: Date, now: Date): Date {
  if (settings.countWindow === "since_reset") return countsResetAt;
  const monthStart = startOfLocalMonth(now, settings.timeZone);
  return monthStart.getTime() > countsResetAt.getTime() ? monthStart : countsResetAt;
}

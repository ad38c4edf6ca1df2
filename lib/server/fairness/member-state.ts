import "server-only";
import type { Database } from "@/db/client";
import type { Rotation } from "@/db/schema";
import { fitsWorkingHours } from "@/lib/domain/availability";
import type { RankingCandidate, Skip } from "@/lib/domain/ranking";
import type { RotationSettings } from "@/lib/domain/rotation-settings";
import { fairnessSkip } from "@/lib/domain/skips";
import type { Interval } from "@/lib/domain/slots";
import type { WorkingHours } from "@/lib/domain/working-hours";
import { loadMemberCalendars } from "@/lib/server/calendar/member-calendars";
import { loadCandidates, type StoredCandidate } from "@/lib/server/rotations/repository";
import { loadCounts, type MemberCount } from "./counts";
import { settingsOf } from "./settings";
import { loadSkipData, type SkipData } from "./skips";

export interface MemberFacts {
  settings: RotationSettings;
  /** Counts under the rotation's window and return policy; no skips applied yet. */
  candidates: StoredCandidate[];
  counts: Map<string, MemberCount>;
  skipData: SkipData;
}

/** HubSpot's counting (R7): the kept sum is the count, nothing to add up. */
const countsAsKept = (s: RotationSettings) => s.countWindow === "since_reset" && s.returnPolicy === "catch_up";

/**
 * Everything the ranking needs about a rotation's members around now and the given times,
 * in three reads sent together: members with kept counts, windowed counts and calibrations
 * when the settings call for them (R14, R16), and out-of-office periods and meeting starts
 * for caps (R16, R18).
 */
export async function loadMemberFacts(db: Database, rotation: Rotation, now: Date, times: readonly Interval[]): Promise<MemberFacts> {
  const settings = settingsOf(rotation);
  const [stored, counts, skipData] = await Promise.all([
    loadCandidates(db, rotation.id),
    countsAsKept(settings) ? Promise.resolve(new Map<string, MemberCount>()) : loadCounts(db, rotation, settings, now),
    loadSkipData(db, rotation.id, settings.caps, now, times),
  ]);
  // In place: the rows are this call's own, and copying 300 of them showed in the profile.
  const candidates = stored;
  for (const c of candidates) c.count = counts.get(c.userId)?.count ?? c.count;
  return { settings, candidates, counts, skipData };
}

/** The member's skip for a meeting at `at` (or now), from the fairness controls only. */
export function skipOf(facts: MemberFacts, candidate: StoredCandidate, now: Date, at: Interval | null, extraStarts: readonly Date[] = []): Skip | null {
  return fairnessSkip({
    outOfOffice: facts.skipData.outOfOffice.get(candidate.userId) ?? [],
    bookedStarts: [...(facts.skipData.bookedStarts.get(candidate.userId) ?? []), ...extraStarts],
    caps: facts.settings.caps,
    timeZone: candidate.timeZone,
    now,
    at,
  });
}

const overlaps = (a: Interval, b: Interval) => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

/**
 * The ranking's candidates for a meeting at `at`, or for "who is next" now (R20): each with
 * their count under the rotation's settings and, when something keeps them off, why — out of
 * office, a cap, or (with a time) busy or outside working hours at that time.
 */
export async function loadCandidatesAt(
  db: Database,
  rotation: Rotation,
  options: { now: Date; at?: Interval; excludeUserIds?: readonly string[] },
): Promise<RankingCandidate[]> {
  const { now, at = null } = options;
  const [facts, calendars] = await Promise.all([
    loadMemberFacts(db, rotation, now, at ? [at] : []),
    at ? loadMemberCalendars(db, rotation.id, [at]) : Promise.resolve(null),
  ]);
  const excluded = new Set(options.excludeUserIds ?? []);
  // Working hours are mostly shared; the zone arithmetic is what a large rotation pays for.
  const fits = new Map<string, boolean>();
  const fitsAt = (calendar: { timeZone: string; workingHours: WorkingHours }, interval: Interval) => {
    const { weekdays, start, end } = calendar.workingHours;
    const key = `${calendar.timeZone}|${weekdays.join()}|${start}|${end}`;
    if (!fits.has(key)) fits.set(key, fitsWorkingHours(interval, calendar.timeZone, calendar.workingHours));
    return fits.get(key) as boolean;
  };
  return facts.candidates
    .filter((c) => !excluded.has(c.userId))
    .map((member) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the zone is for caps, not for the ranking's output
      const { timeZone, ...candidate } = member;
      let skip = skipOf(facts, member, now, at);
      const calendar = at ? calendars?.get(candidate.userId) : undefined;
      if (!skip && at && calendar) {
        if (!fitsAt(calendar, at)) skip = { kind: "busy", outsideWorkingHours: true };
        else if (calendar.busy.some((b) => overlaps(b, at))) skip = { kind: "busy" };
      }
      return { ...candidate, skip };
    });
}

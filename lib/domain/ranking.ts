// Rotation ranking (DESIGN R3, R5, R8, R8w, R16, R18, R20): who is proposed next, and the full ranking the
// booking modal shows. Pure: the caller loads counts and times (see STYLE rule 1); this module
// reads no clock, does no I/O and never mutates its input.

import { describeCap, type CapHit } from "./caps";
import { formatDateTime } from "./format-time";

export type IneligibleReason = "inactive" | "no_seat" | "calendar_not_connected" | "calendar_sync_off" | "calendar_sync_failing";
export type DistributionMode = "even" | "weighted";

/**
 * Why an eligible, available member cannot take a meeting now or at the time asked about
 * (R16, R18, R20). Out of office and capped members leave the running like an unavailable
 * one; a busy member keeps their place and is passed over (R11).
 */
export type Skip = { kind: "out_of_office"; until: Date } | { kind: "capped"; hit: CapHit } | { kind: "busy"; outsideWorkingHours?: boolean };

export interface RankingCandidate {
  userId: string;
  name: string;
  ineligibleReasons: readonly IneligibleReason[]; // empty = eligible (R3)
  available: boolean; // R5 toggle
  count: number; // meetings booked since last reset, not deleted
  lastScheduledAt: Date | null; // latest creation time of a non-deleted rotation meeting, all time
  // That meeting's booking number in the rotation: bookings written together share a creation
  // time, and the number orders them as they were decided. Compared when both members have one.
  lastScheduledSeq?: number | null;
  joinedAt: Date;
  weight: number; // positive integer; 1 by default
  skip?: Skip | null;
}

export type MemberStatus = "proposable" | "busy" | "capped" | "out_of_office" | "unavailable" | "not_eligible";

export interface RankingOptions {
  /** The zone dates in reasons are written in (the rotation's), so every page says the same. */
  timeZone?: string;
}

export interface RankedMember extends RankingCandidate {
  position: number; // 1-based place in the full ranking
  status: MemberStatus;
  deficit: number | null; // weighted mode only, for proposable members; null otherwise
  reason: string; // short human explanation of where they stand
}

export interface Ranking {
  mode: DistributionMode;
  members: RankedMember[]; // proposable (rule order), then unavailable, then not eligible
  proposed: RankedMember | null; // first proposable member, or null = no one available
}

// Distinct deficits differ by at least 1/W (they are k/W apart for an integer k), so an
// absolute epsilon this small only absorbs float noise, never a real difference.
const DEFICIT_EPSILON = 1e-9;

// Canonical order so the same reasons always read the same way, whatever order they came in.
const INELIGIBLE_LABELS: Record<IneligibleReason, string> = {
  inactive: "inactive",
  no_seat: "no seat",
  calendar_not_connected: "calendar not connected",
  calendar_sync_off: "calendar sync off",
  calendar_sync_failing: "calendar sync failing",
};
const REASON_ORDER = Object.keys(INELIGIBLE_LABELS) as IneligibleReason[];

function listIneligibility(reasons: readonly IneligibleReason[]): string {
  return REASON_ORDER.filter((r) => reasons.includes(r))
    .map((r) => INELIGIBLE_LABELS[r])
    .join(", ");
}

/** "No seat, calendar sync off"; the empty string for an eligible member. */
export function describeIneligibility(reasons: readonly IneligibleReason[]): string {
  const text = listIneligibility(reasons);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function statusOf(c: RankingCandidate): MemberStatus {
  // Ineligibility wins over the toggle: an ineligible member cannot be made proposable by an
  // admin switching availability on, so "not eligible" is the more useful thing to show.
  if (c.ineligibleReasons.length > 0) return "not_eligible";
  if (!c.available) return "unavailable";
  if (c.skip?.kind === "out_of_office") return "out_of_office";
  if (c.skip?.kind === "capped") return "capped";
  return "proposable"; // a busy member is ranked as proposable, then passed over (below)
}

// The levels that decide an order, in priority order; used both to sort and to explain.
type Level = "deficit" | "count" | "lastScheduled" | "joined" | "userId";

interface Entry {
  candidate: RankingCandidate;
  status: MemberStatus;
  deficit: number | null;
}

function compareLevel(level: Level, a: Entry, b: Entry): number {
  const x = a.candidate;
  const y = b.candidate;
  switch (level) {
    case "deficit": {
      const diff = (b.deficit ?? 0) - (a.deficit ?? 0); // largest first
      return Math.abs(diff) < DEFICIT_EPSILON ? 0 : Math.sign(diff);
    }
    case "count":
      return x.count - y.count;
    case "lastScheduled": // never scheduled (null) comes first, then least recent
      if (x.lastScheduledAt === null || y.lastScheduledAt === null) {
        return (x.lastScheduledAt === null ? 0 : 1) - (y.lastScheduledAt === null ? 0 : 1);
      }
      if (x.lastScheduledSeq != null && y.lastScheduledSeq != null) return x.lastScheduledSeq - y.lastScheduledSeq;
      return x.lastScheduledAt.getTime() - y.lastScheduledAt.getTime();
    case "joined":
      return x.joinedAt.getTime() - y.joinedAt.getTime();
    case "userId": // code-unit order, not localeCompare: must not depend on the runtime's locale
      return x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0;
  }
}

// R8w says "ties as in R8", i.e. recency, join date, id; count is not a tie-break of its own
// there. With equal weights a deficit tie is a count tie, so both modes agree (R8w's last line).
const EVEN_LEVELS: readonly Level[] = ["count", "lastScheduled", "joined", "userId"];
const WEIGHTED_LEVELS: readonly Level[] = ["deficit", "lastScheduled", "joined", "userId"];

/** The first level on which a and b differ, with its sign; null if identical on every level. */
function decide(levels: readonly Level[], a: Entry, b: Entry): { level: Level; sign: number } | null {
  for (const level of levels) {
    const sign = compareLevel(level, a, b);
    if (sign !== 0) return { level, sign };
  }
  return null;
}

function assertValid(c: RankingCandidate, mode: DistributionMode, status: MemberStatus): void {
  // Counts are derived from meetings (R6/R7) so a bad value is a bug upstream, not user input.
  if (!Number.isSafeInteger(c.count) || c.count < 0) {
    throw new RangeError(`Invalid count ${c.count} for member ${c.userId}`);
  }
  // A zero or fractional weight would make W meaningless or the deficits NaN and silently
  // scramble the order; only proposable weights enter the formula.
  if (mode === "weighted" && status === "proposable" && (!Number.isSafeInteger(c.weight) || c.weight < 1)) {
    throw new RangeError(`Invalid weight ${c.weight} for member ${c.userId}`);
  }
}

/** "1 meeting", "0.5 meetings", "0.33 meetings": at most two decimals, no trailing zeros. */
function meetingsFigure(n: number): string {
  const rounded = Math.round(n * 100) / 100 + 0; // "+ 0" turns -0 into 0
  return `${rounded} ${rounded === 1 ? "meeting" : "meetings"}`;
}

/**
 * Where a weighted member stands against the share their weight gives them (the deficit,
 * counting the meeting about to be booked), in words a sales manager reads without a formula.
 */
function tiedOnShare(deficit: number): string {
  if (Math.abs(deficit) < DEFICIT_EPSILON) return "Tied at their share";
  return deficit > 0 ? `Tied at ${meetingsFigure(deficit)} behind their share` : `Tied at ${meetingsFigure(-deficit)} ahead of their share`;
}

/** Why a member ranks where the deficit put them: first, or after someone further behind. */
function deficitReason(first: boolean, deficit: number): string {
  if (first) return `Furthest behind their share (${meetingsFigure(deficit)})`;
  if (Math.abs(deficit) < DEFICIT_EPSILON) return "At their share";
  return deficit > 0 ? `Less far behind their share (${meetingsFigure(deficit)})` : `Ahead of their share (${meetingsFigure(-deficit)})`;
}

function explainProposable(mode: DistributionMode, entry: Entry, index: number, group: readonly Entry[]): string {
  const c = entry.candidate;
  const deficit = entry.deficit ?? 0;
  const tied = mode === "even" ? `Tied on count ${c.count}` : tiedOnShare(deficit);
  const levels = mode === "even" ? EVEN_LEVELS : WEIGHTED_LEVELS;
  // The first member is explained against the runner-up, every other one against the member
  // just ahead: that comparison is what put them in this place.
  const other = index === 0 ? group[1] : group[index - 1];
  if (other === undefined) return mode === "even" ? `Only available member (count ${c.count})` : "Only available member";
  const first = index === 0;
  const decided = first ? decide(levels, entry, other) : decide(levels, other, entry);
  switch (decided?.level) {
    case "deficit":
      return deficitReason(first, deficit);
    case "count":
      return first ? `Lowest count (${c.count})` : `Higher count (${c.count})`;
    case "lastScheduled":
      if (c.lastScheduledAt === null) return `${tied}; never scheduled`;
      return `${tied}; scheduled ${first ? "least" : "more"} recently`;
    case "joined":
      return `${tied} and last scheduled; joined ${first ? "earliest" : "later"}`;
    default: // userId, or (duplicate ids) no difference at all
      return `${tied}, last scheduled and join date; ${first ? "first" : "later"} by user id`;
  }
}

function explainOther(entry: Entry, timeZone: string): string {
  const skip = entry.candidate.skip;
  switch (entry.status) {
    case "unavailable":
      return "Availability turned off";
    case "out_of_office":
      return skip?.kind === "out_of_office" ? `Out of office until ${formatDateTime(skip.until, timeZone)}` : "Out of office";
    case "capped":
      return skip?.kind === "capped" ? describeCap(skip.hit) : "Cap reached";
    default:
      return `Not eligible: ${listIneligibility(entry.candidate.ineligibleReasons)}`;
  }
}

function busyReason(skip: Skip | null | undefined): string {
  return skip?.kind === "busy" && skip.outsideWorkingHours ? "Outside working hours at that time" : "Busy at that time";
}

function sortedBy(levels: readonly Level[], entries: readonly Entry[]): Entry[] {
  // Copy first: Array.prototype.sort works in place and the input belongs to the caller.
  return [...entries].sort((a, b) => decide(levels, a, b)?.sign ?? 0);
}

export function rankMembers(candidates: readonly RankingCandidate[], mode: DistributionMode, options: RankingOptions = {}): Ranking {
  const timeZone = options.timeZone ?? "UTC";
  const entries: Entry[] = candidates.map((candidate) => {
    const status = statusOf(candidate);
    assertValid(candidate, mode, status);
    return { candidate, status, deficit: null };
  });
  const byStatus = (s: MemberStatus) => entries.filter((e) => e.status === s);

  let proposable = byStatus("proposable");
  if (mode === "weighted") {
    // W and N are taken over proposable members only (R8w): an unavailable member's share is
    // redistributed rather than held open for them.
    const totalWeight = proposable.reduce((sum, e) => sum + e.candidate.weight, 0);
    const totalCount = proposable.reduce((sum, e) => sum + e.candidate.count, 0);
    proposable = proposable.map((e) => ({
      ...e,
      deficit: ((totalCount + 1) * e.candidate.weight) / totalWeight - e.candidate.count,
    }));
  }
  const ordered = sortedBy(mode === "even" ? EVEN_LEVELS : WEIGHTED_LEVELS, proposable);
  const reasons = new Map<Entry, string>(ordered.map((e, i) => [e, explainProposable(mode, e, i, ordered)]));
  const rest = (["capped", "out_of_office", "unavailable", "not_eligible"] as const).flatMap((status) => sortedBy(EVEN_LEVELS, byStatus(status)));

  // R11, R20: a member busy at the time asked about keeps their place and is passed over.
  const members: RankedMember[] = [...ordered, ...rest].map((e, i) => {
    const busy = e.status === "proposable" && e.candidate.skip?.kind === "busy";
    return {
      ...e.candidate,
      position: i + 1,
      status: busy ? "busy" : e.status,
      deficit: e.deficit,
      reason: busy ? busyReason(e.candidate.skip) : (reasons.get(e) ?? explainOther(e, timeZone)),
    };
  });
  return { mode, members, proposed: members.find((m) => m.status === "proposable") ?? null };
}

/** For auto-assign (R11): the best-ranked proposable member that `accept` (e.g. "is free") allows. */
export function firstProposable(
  ranking: Ranking,
  accept: (m: RankedMember) => boolean = () => true,
): RankedMember | null {
  return ranking.members.find((m) => m.status === "proposable" && accept(m)) ?? null;
}

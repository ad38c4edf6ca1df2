// Deciding the hosts of several bookings of one rotation in a row (R6, R8–R11), as if each
// were booked alone in that order: the rotation's bookings are serialized anyway (R11), so the
// server decides a queue of them under one lock and writes them in one transaction. Pure: the
// caller loads members, calendars and the clock; nothing here does I/O or reads a clock.

import { fitsWorkingHours } from "./availability";
import { describeIneligibility, firstProposable, rankMembers, type DistributionMode, type RankedMember, type Ranking, type RankingCandidate } from "./ranking";
import { fail, failForMembers, ok, type Result } from "./result";
import type { Caps } from "./rotation-settings";
import { fairnessSkip } from "./skips";
import type { Interval } from "./slots";
import type { WorkingHours } from "./working-hours";

export interface HostCalendar {
  timeZone: string;
  workingHours: WorkingHours;
  /** Live meetings and connected-calendar busy blocks, at least those near the times asked for. */
  busy: Interval[];
}

export interface BookingRequest {
  interval: Interval;
  /** The rep's choice of host (the proposal or an override, R9); none = auto-assign (R11). */
  hostUserId?: string;
  /** R21: the proposal the rep was shown when choosing, if the client says. */
  shownProposalUserId?: string;
}

export interface BookingDecision {
  host: string;
  /** The ranking the host was chosen from, as it stood before this booking. */
  ranking: Ranking;
  /** R9: the rep chose someone other than the member the rule proposed. */
  isOverride: boolean;
  /** The booking's number in the rotation (after `lastBookingSeq`): its place in recency (R8). */
  seq: number;
}

/** What the fairness controls need (R16, R18); absent = none set. */
export interface FairnessFacts {
  caps: Caps;
  /** The rotation's zone, in which reasons write dates (R20). */
  timeZone: string;
  outOfOffice: ReadonlyMap<string, readonly Interval[]>;
  /** Starts of each member's meetings booked through the rotation around the requested times. */
  bookedStarts: ReadonlyMap<string, readonly Date[]>;
}

export interface RotationState {
  candidates: readonly RankingCandidate[];
  mode: DistributionMode;
  fairness?: FairnessFacts;
  calendars: ReadonlyMap<string, HostCalendar>;
  /** The database's clock under the lock: the creation time the decided bookings will get. */
  now: Date;
  /** The number of the rotation's latest booking so far; these are numbered after it. */
  lastBookingSeq: number;
}

type HostState = "free" | "busy" | "outside_working_hours";

const overlaps = (a: Interval, b: Interval) => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

/**
 * Decides each request in order and answers in the same order, each beside its request. A request that lands counts
 * for the ones after it: R6's +1 to its host's count, the host's recency (R8), and its time
 * taken in the host's calendar (R10). A refused request changes nothing for the next.
 */
export function decideRotationBookings<R extends BookingRequest>(state: RotationState, requests: readonly R[]): Array<{ request: R; decision: Result<BookingDecision> }> {
  const members = new Map(state.candidates.map((c) => [c.userId, { ...c }]));
  const taken = new Map<string, Interval[]>();
  let seq = state.lastBookingSeq;
  const fairness = state.fairness;

  // R16, R18: out of office now or at that time, or over a cap with the meetings decided so far.
  // Without a time: "who is next" now, as the booking dialog shows it (R21).
  function rankFor(interval: Interval | null): Ranking {
    const candidates = [...members.values()].map((c) => {
      if (!fairness) return c;
      const skip = fairnessSkip({
        outOfOffice: fairness.outOfOffice.get(c.userId) ?? [],
        bookedStarts: [...(fairness.bookedStarts.get(c.userId) ?? []), ...(taken.get(c.userId) ?? []).map((t) => t.start)],
        caps: fairness.caps,
        timeZone: state.calendars.get(c.userId)?.timeZone ?? "UTC",
        now: state.now,
        at: interval,
      });
      return { ...c, skip };
    });
    return rankMembers(candidates, state.mode, { timeZone: fairness?.timeZone });
  }

  /** Every member's reason at that time, for a refusal that concerns them all (R18, R20). */
  function reasonsAt(ranking: Ranking, interval: Interval) {
    return ranking.members.map((m) => {
      const hostState = m.status === "proposable" ? stateOf(m.userId, interval) : null;
      const reason = hostState === "busy" ? "Busy at that time" : hostState === "outside_working_hours" ? "Outside working hours at that time" : m.reason;
      return { userId: m.userId, name: m.name, reason };
    });
  }

  function stateOf(userId: string, interval: Interval): HostState {
    const calendar = state.calendars.get(userId);
    if (!calendar || !fitsWorkingHours(interval, calendar.timeZone, calendar.workingHours)) return "outside_working_hours";
    const busy = [...calendar.busy, ...(taken.get(userId) ?? [])];
    return busy.some((b) => overlaps(b, interval)) ? "busy" : "free";
  }

  function chooseHost(ranking: Ranking, request: BookingRequest): Result<string> {
    const wanted = request.hostUserId;
    if (wanted === undefined) {
      const chosen = firstProposable(ranking, (m) => stateOf(m.userId, request.interval) === "free");
      if (chosen) return ok(chosen.userId);
      const reasons = reasonsAt(ranking, request.interval);
      // R18: nobody can take the time, and the fairness controls are part of why.
      if (ranking.members.some((m) => m.status === "capped" || m.status === "out_of_office")) {
        return failForMembers("no_member_free", "No member of this rotation can take that time.", reasons);
      }
      return failForMembers("no_member_available", "No available member of this rotation is free at that time.", reasons);
    }
    const member = ranking.members.find((m) => m.userId === wanted);
    if (!member) return fail("not_a_member", "That user is not a member of this rotation.");
    const refusal = refuseHost(member);
    if (refusal) return refusal;
    const hostState = stateOf(wanted, request.interval);
    if (hostState === "outside_working_hours") return fail("outside_working_hours", `That time is outside ${member.name}'s working hours.`);
    if (hostState === "busy") return fail("slot_taken", "That host is not free at that time.");
    return ok(wanted);
  }

  function decide(request: R): Result<BookingDecision> {
    const ranking = rankFor(request.interval);
    const shown = request.hostUserId !== undefined ? request.shownProposalUserId : undefined;
    // R21: what the rep saw is "who is next" now; if that has moved on, say so rather than guess.
    const seen = shown !== undefined ? rankFor(null) : null;
    if (seen && seen.proposed?.userId !== shown) {
      const next = seen.proposed ? `${seen.proposed.name} is next now` : "Nobody can take meetings now";
      return failForMembers("proposal_changed", `The rotation has moved on since you looked: ${next}.`, seen.members.map((m) => ({ userId: m.userId, name: m.name, reason: m.reason })));
    }
    const host = chooseHost(ranking, request);
    if (!host.ok) return host;
    seq += 1;
    const member = members.get(host.value);
    // R6: +1 to the host's count; R8: the host becomes the most recently scheduled.
    if (member) members.set(host.value, { ...member, count: member.count + 1, lastScheduledAt: state.now, lastScheduledSeq: seq });
    taken.set(host.value, [...(taken.get(host.value) ?? []), request.interval]);
    // R9: an override is the rep's choice of someone else; auto-assign skipping a busy
    // proposed member is the rule at work, not an override. R21: against what they were shown.
    const isOverride = request.hostUserId !== undefined && (shown ?? ranking.proposed?.userId) !== host.value;
    return ok({ host: host.value, ranking: seen ?? ranking, isOverride, seq });
  }

  return requests.map((request) => ({ request, decision: decide(request) }));
}

/** Why a chosen member cannot host (R16, R18, R5, R3), or null when nothing keeps them off. */
export function refuseHost(member: RankedMember): Result<never> | null {
  if (member.status === "not_eligible") {
    return fail("not_eligible", `${member.name} can't take meetings: ${describeIneligibility(member.ineligibleReasons).toLowerCase()}.`);
  }
  if (member.status === "unavailable") return fail("member_unavailable", `${member.name} is not available in this rotation.`);
  const why = `${member.reason.charAt(0).toLowerCase()}${member.reason.slice(1)}`;
  if (member.status === "out_of_office") return fail("out_of_office", `${member.name} can't take it: ${why}.`);
  if (member.status === "capped") return fail("cap_reached", `${member.name} can't take it: ${why}.`);
  return null;
}

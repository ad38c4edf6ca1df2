// Deciding the hosts of several bookings of one rotation in a row (R6, R8–R11), as if each
// were booked alone in that order: the rotation's bookings are serialized anyway (R11), so the
// server decides a queue of them under one lock and writes them in one transaction. Pure: the
// caller loads members, calendars and the clock; nothing here does I/O or reads a clock.

import { fitsWorkingHours } from "./availability";
import { describeIneligibility, firstProposable, rankMembers, type DistributionMode, type RankedMember, type Ranking, type RankingCandidate } from "./ranking";
import { fail, ok, type Result } from "./result";
import type { Interval } from "./slots";
import type { WorkingHours } from "./working-hours";

export interface HostCalendar {
  timeZone: string;
  workingHours: WorkingHours;
  /** Live meetings and connected-calendar busy blocks, at least those near the times asked for. */
  busy: Interval[];
}

export interface SeatRequest {
  interval: Interval;
  /** The rep's choice of host (the proposal or an override); none = auto-assign (R11). */
  hostUserId?: string;
}

export interface Assignment {
  host: string;
  /** The ranking the host was chosen from, as it stood before this booking. */
  ranking: Ranking;
  isOverride: boolean;
  /** The booking's creation time, which becomes the host's recency (R8). */
  bookedAt: Date;
}

export interface LedgerStart {
  candidates: readonly RankingCandidate[];
  mode: DistributionMode;
  calendars: ReadonlyMap<string, HostCalendar>;
  now: Date;
}

type HostState = "free" | "busy" | "outside_working_hours";

const overlaps = (a: Interval, b: Interval) => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

/**
 * Creation times are whole milliseconds, each at least 1 ms after the latest recency in the
 * rotation: recency is compared as a JavaScript Date (milliseconds), so two bookings decided
 * together must not share a millisecond, or the next ranking would tie them (R8) and fall
 * through to join order. Under a burst they can run a few milliseconds ahead of the clock.
 */
function firstBookingTime(candidates: readonly RankingCandidate[], now: Date): number {
  const latest = Math.max(-Infinity, ...candidates.map((c) => c.lastScheduledAt?.getTime() ?? -Infinity));
  return Math.max(Math.floor(now.getTime()), latest + 1);
}

export function createRotationLedger(start: LedgerStart) {
  const members = new Map(start.candidates.map((c) => [c.userId, { ...c }]));
  const taken = new Map<string, Interval[]>();
  let nextBookedAt = firstBookingTime(start.candidates, start.now);

  function stateOf(userId: string, interval: Interval): HostState {
    const calendar = start.calendars.get(userId);
    if (!calendar || !fitsWorkingHours(interval, calendar.timeZone, calendar.workingHours)) return "outside_working_hours";
    const busy = [...calendar.busy, ...(taken.get(userId) ?? [])];
    return busy.some((b) => overlaps(b, interval)) ? "busy" : "free";
  }

  function chooseHost(ranking: Ranking, request: SeatRequest): Result<string> {
    const wanted = request.hostUserId;
    if (wanted === undefined) {
      const chosen = firstProposable(ranking, (m) => stateOf(m.userId, request.interval) === "free");
      return chosen ? ok(chosen.userId) : fail("no_member_available", "No available member of this rotation is free at that time.");
    }
    const member = ranking.members.find((m) => m.userId === wanted);
    if (!member) return fail("not_a_member", "That user is not a member of this rotation.");
    const refusal = refuseHost(member);
    if (refusal) return refusal;
    const state = stateOf(wanted, request.interval);
    if (state === "outside_working_hours") return fail("outside_working_hours", `That time is outside ${member.name}'s working hours.`);
    if (state === "busy") return fail("slot_taken", "That host is not free at that time.");
    return ok(wanted);
  }

  return {
    /** Decides one booking and, when it lands, counts it in for the ones after it. */
    assign(request: SeatRequest): Result<Assignment> {
      const ranking = rankMembers([...members.values()], start.mode);
      const host = chooseHost(ranking, request);
      if (!host.ok) return host;
      const bookedAt = new Date(nextBookedAt++);
      const member = members.get(host.value);
      if (member) members.set(host.value, { ...member, count: member.count + 1, lastScheduledAt: bookedAt });
      taken.set(host.value, [...(taken.get(host.value) ?? []), request.interval]);
      // An override is the rep's choice of someone else (R9); auto-assign skipping a busy
      // proposed member is the rule at work, not an override.
      const isOverride = request.hostUserId !== undefined && ranking.proposed?.userId !== host.value;
      return ok({ host: host.value, ranking, isOverride, bookedAt });
    },
  };
}

function refuseHost(member: RankedMember): Result<never> | null {
  if (member.status === "not_eligible") {
    return fail("not_eligible", `${member.name} can't take meetings: ${describeIneligibility(member.ineligibleReasons).toLowerCase()}.`);
  }
  if (member.status === "unavailable") return fail("member_unavailable", `${member.name} is not available in this rotation.`);
  return null;
}

import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { derivedCounts } from "@/test/rotation-counts";
import { titleOf, type BookingRequest, type Outcome } from "./booking-load";
import type { LoadFixture } from "./harness";

/*
 * What must hold after any load, faults included, checked in SQL against what the clients
 * were told. Each field is a count of violations (or the figures to compare), so a test can
 * assert them all at once and a bench script can print them.
 */

export interface InvariantReport {
  /** 201s whose meeting is missing, deleted, or differs from the response (id, host, time, title). */
  lostBookings: string[];
  /** Rows for requests that were refused with a 4xx: must be none. */
  rowsForRefusals: number;
  /** Rows for requests that got a 503 or no answer: the commit happened, the client was not told. */
  committedButUnacknowledged: number;
  /** Rows of the run's rotations whose title matches no request of the run. */
  strayRows: number;
  /** Pairs of live meetings of one host that overlap (R10). */
  overlappingPairs: number;
  /** Members whose stored count or last-scheduled time differs from the derivation from meetings (R7). */
  countMismatches: string[];
  /** Per rotation key: the lowest and highest count. */
  counts: Record<string, { min: number; max: number; total: number }>;
  /** Rotation meetings without exactly one matching `meeting_booked` audit row, and audit rows without their meeting (R12). */
  meetingsWithoutAudit: number;
  auditWithoutMeeting: number;
}

interface MeetingRow {
  id: string;
  title: string;
  host_user_id: string;
  starts_at: Date;
  deleted_at: Date | null;
}

export async function checkInvariants(url: string, fixture: LoadFixture, outcomes: Array<Outcome<BookingRequest>>): Promise<InvariantReport> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const handle = await openDatabase({ kind: "postgres", url, poolSize: 1 });
  try {
    // The meetings of the rotations this run booked through (a test may book elsewhere too).
    const rotationIds = [...new Set(outcomes.map((o) => fixture.rotations[o.request.rotationKey]?.id ?? ""))];
    const rows = await sql<MeetingRow[]>`select id, title, host_user_id, starts_at, deleted_at from meetings where rotation_id = any(${rotationIds}::uuid[])`;
    const byTitle = new Map(rows.map((r) => [r.title, r]));
    const requestTitles = new Set(outcomes.map((o) => titleOf(o.request.index)));

    const lostBookings: string[] = [];
    let rowsForRefusals = 0;
    let committedButUnacknowledged = 0;
    for (const o of outcomes) {
      const row = byTitle.get(titleOf(o.request.index));
      if (o.status === 201) {
        const matches = row && row.id === o.meetingId && row.host_user_id === o.hostUserId && row.deleted_at === null && row.starts_at.toISOString() === o.request.start;
        if (!matches) lostBookings.push(`#${o.request.index} → ${o.meetingId ?? "no id"}`);
      } else if (row) {
        if (typeof o.status === "number" && o.status < 500) rowsForRefusals++;
        else committedButUnacknowledged++;
      }
    }
    const strayRows = rows.filter((r) => !requestTitles.has(r.title)).length;

    const [overlaps] = await sql<{ n: number }[]>`
      select count(*)::int as n from meetings a join meetings b
        on b.host_user_id = a.host_user_id and a.id < b.id
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
      where a.deleted_at is null and b.deleted_at is null`;

    const derived = await derivedCounts(handle.db);
    const countMismatches = derived
      .filter((d) => d.bookedCount !== d.derivedCount || d.lastScheduledAt !== d.derivedLastScheduledAt || d.lastScheduledSeq !== d.derivedLastScheduledSeq)
      .map((d) => `${d.userId}: stored ${d.bookedCount} @ ${d.lastScheduledAt} #${d.lastScheduledSeq}, derived ${d.derivedCount} @ ${d.derivedLastScheduledAt} #${d.derivedLastScheduledSeq}`);
    const counts: InvariantReport["counts"] = {};
    for (const [key, rotation] of Object.entries(fixture.rotations)) {
      const values = derived.filter((d) => d.rotationId === rotation.id).map((d) => d.bookedCount);
      counts[key] = { min: Math.min(...values), max: Math.max(...values), total: values.reduce((a, b) => a + b, 0) };
    }

    const [audit] = await sql<{ without_audit: number; without_meeting: number }[]>`
      select
        (select count(*)::int from meetings m where m.rotation_id is not null and 1 <> (
           select count(*) from audit_events e
           where e.type = 'meeting_booked' and e.meeting_id = m.id
             and e.chosen_host_user_id = m.host_user_id and e.rotation_id = m.rotation_id)) as without_audit,
        (select count(*)::int from audit_events e where e.type = 'meeting_booked'
           and not exists (select 1 from meetings m where m.id = e.meeting_id)) as without_meeting`;

    return {
      lostBookings,
      rowsForRefusals,
      committedButUnacknowledged,
      strayRows,
      overlappingPairs: overlaps?.n ?? -1,
      countMismatches,
      counts,
      meetingsWithoutAudit: audit?.without_audit ?? -1,
      auditWithoutMeeting: audit?.without_meeting ?? -1,
    };
  } finally {
    await handle.close();
    await sql.end();
  }
}

/** The violations in a report, as lines; empty when everything holds. `fairKeys`: rotations whose members were all free for every booking. */
export function violations(report: InvariantReport, fairKeys: readonly string[]): string[] {
  const problems: string[] = [];
  if (report.lostBookings.length > 0) problems.push(`lost bookings (201 without its row): ${report.lostBookings.slice(0, 10).join(", ")}`);
  if (report.rowsForRefusals > 0) problems.push(`${report.rowsForRefusals} rows for refused requests`);
  if (report.strayRows > 0) problems.push(`${report.strayRows} rows no request asked for`);
  if (report.overlappingPairs !== 0) problems.push(`${report.overlappingPairs} overlapping meetings of one host`);
  if (report.countMismatches.length > 0) problems.push(`counts differ from their derivation: ${report.countMismatches.slice(0, 5).join("; ")}`);
  for (const key of fairKeys) {
    const c = report.counts[key];
    if (c && c.max - c.min > 1) problems.push(`rotation ${key}: counts spread ${c.min}…${c.max} (> 1)`);
  }
  if (report.meetingsWithoutAudit !== 0) problems.push(`${report.meetingsWithoutAudit} meetings without exactly one audit row`);
  if (report.auditWithoutMeeting !== 0) problems.push(`${report.auditWithoutMeeting} audit rows without their meeting`);
  return problems;
}

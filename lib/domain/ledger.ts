// The vocabulary of the count ledger (R13) and its derivation rules, kept pure so the
// server, the pages and the tests read entries the same way.

export const LEDGER_CAUSES = [
  "meeting", // +1: booked through the rotation with this member as host (R6)
  "meeting_deleted", // undoes the meeting's entries (R6)
  "credit_back", // −1: marked no-show or canceled while those do not count (R17)
  "credit_restored", // +1: that outcome undone, or no-shows made to count again
  "reassigned_away", // undoes the meeting for the old host (R19)
  "reassigned_here", // +1 for the new host, counted at the reassignment (R19)
  "calibration", // start level (R15)
  "adjustment", // manual, by an admin, with a reason (R13)
] as const;
export type LedgerCause = (typeof LEDGER_CAUSES)[number];

export const CAUSE_LABELS: Record<LedgerCause | "keep_level", string> = {
  meeting: "Meeting booked",
  meeting_deleted: "Meeting deleted",
  credit_back: "Credit-back",
  credit_restored: "Credit-back undone",
  reassigned_away: "Meeting reassigned away",
  reassigned_here: "Meeting reassigned here",
  calibration: "Calibration (start level)",
  adjustment: "Manual adjustment",
  keep_level: "Calibration (keep level)",
};

/** The count shown and ranked: the ledger's sum, never below zero (R13). */
export function countFromLedger(sum: number): number {
  return Math.max(0, sum);
}

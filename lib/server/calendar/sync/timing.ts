/** C2: how often calendars are read and when a proposal refreshes one first. C3's grace is in lib/domain/permissions. */
export const SYNC_EVERY_MS = 5 * 60_000;
export const STALE_AFTER_MS = 10 * 60_000;
export const PROPOSAL_WAITS_AT_MOST_MS = 2_000;

/** The span synced: a day back (meetings that started yesterday may still run), a year ahead (the booking horizon). */
export const SYNC_LOOKBACK_MS = 24 * 60 * 60_000;
export const SYNC_LOOKAHEAD_MS = 366 * 24 * 60 * 60_000;
/** Recurring events are expanded again once the horizon has moved this far past the last expansion. */
export const REEXPAND_AFTER_MS = 24 * 60 * 60_000;

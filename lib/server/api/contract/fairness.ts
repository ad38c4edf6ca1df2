import "server-only";
import { z } from "zod";
import { LEDGER_CAUSES } from "@/lib/domain/ledger";
import { COUNT_WINDOWS, MEETING_OUTCOMES, NEWCOMER_POLICIES, RETURN_POLICIES } from "@/lib/domain/rotation-settings";
import type { MemberLedger } from "@/lib/server/queries/member-ledger";
import type { OutOfOfficeView } from "@/lib/server/queries/out-of-office";
import type { UserSearch } from "@/lib/server/queries/user-options";
import type { MarkedOutcome } from "@/lib/server/use-cases/mark-meeting-outcome";
import type { Reassigned, ReassignedUpcoming } from "@/lib/server/use-cases/reassign-meeting";
import type { StoredSettings } from "@/lib/server/use-cases/rotation-settings-input";
import type { CountChange } from "@/lib/server/use-cases/update-rotation-settings";
import { iso, timestamp } from "./common";

const cap = z.int().min(1).nullable();

export const rotationSettingsSchema = z.strictObject({
  countWindow: z.enum(COUNT_WINDOWS).describe("since_reset (default, R7) or monthly in the rotation's zone (R14)."),
  timeZone: z.string().describe("IANA name: where a monthly window's months begin."),
  newcomerPolicy: z.enum(NEWCOMER_POLICIES).describe("reset_everyone (default, R7) or start_level (R15)."),
  returnPolicy: z.enum(RETURN_POLICIES).describe("catch_up (default) or keep_level (R16)."),
  countNoShows: z.boolean().describe("Whether no-shows and cancellations by the contact count (default true, R17)."),
  dailyCap: cap.describe("At most this many meetings per member per local day; null = no cap (R18)."),
  weeklyCap: cap.describe("Per local week, Monday to Sunday; null = no cap."),
  monthlyCap: cap.describe("Per local month; null = no cap."),
});

export const settingsChangeSchema = z.strictObject({ settings: rotationSettingsSchema, changed: z.array(z.string()).describe("The settings that changed.") });

export const countChangesSchema = z.strictObject({
  changes: z.array(z.strictObject({ userId: z.string(), name: z.string(), from: z.int(), to: z.int() })).describe("Members whose count the change would move, with both figures."),
});

export const memberLedgerSchema = z.strictObject({
  userId: z.string(),
  name: z.string(),
  count: z.int().min(0),
  entries: z
    .array(
      z.strictObject({
        id: z.int(),
        cause: z.enum(LEDGER_CAUSES),
        label: z.string(),
        delta: z.int(),
        countsAt: timestamp,
        current: z.boolean().describe("False for entries before the last reset (kept, not counted)."),
        actorName: z.string().nullable(),
        reason: z.string().nullable(),
        meeting: z.strictObject({ id: z.string(), title: z.string(), startsAt: timestamp }).nullable(),
      }),
    )
    .describe("Newest first, at most 200."),
});

export const adjustedCountSchema = z.strictObject({ count: z.int().min(0) });

export const markedOutcomeSchema = z.strictObject({
  meetingId: z.string(),
  outcome: z.enum(MEETING_OUTCOMES).nullable(),
  countChange: z.int().describe("−1 credited back, +1 credit-back undone, 0 otherwise."),
});

const reassignedShape = { meetingId: z.string(), fromUserId: z.string(), toUserId: z.string(), toName: z.string() };
export const reassignedSchema = z.strictObject(reassignedShape);
export const reassignedUpcomingSchema = z.strictObject({
  reassigned: z.array(z.strictObject(reassignedShape)),
  kept: z.array(z.strictObject({ meetingId: z.string(), title: z.string(), startsAt: timestamp, reason: z.string() })).describe("Meetings nobody else could take."),
});

export const outOfOfficePeriodSchema = z.strictObject({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  start: timestamp,
  end: timestamp,
  note: z.string().nullable(),
  canDelete: z.boolean(),
});
export const outOfOfficeListSchema = z.strictObject({ periods: z.array(outOfOfficePeriodSchema) });
export const createdSchema = z.strictObject({ id: z.string() });
export const deletionSchema = z.strictObject({ deleted: z.boolean().describe("False when it was already gone.") });

export const presentSettings = (settings: StoredSettings): z.input<typeof rotationSettingsSchema> => ({ ...settings });
export const presentSettingsChange = (change: { settings: StoredSettings; changed: string[] }): z.input<typeof settingsChangeSchema> => ({ settings: presentSettings(change.settings), changed: change.changed });
export const presentCountChanges = (value: { changes: CountChange[] }): z.input<typeof countChangesSchema> => ({ changes: value.changes.map((c) => ({ ...c })) });
export const presentOutcome = (value: MarkedOutcome): z.input<typeof markedOutcomeSchema> => ({ ...value });
export const presentReassigned = (value: Reassigned): z.input<typeof reassignedSchema> => ({ ...value });

export function presentLedger(ledger: MemberLedger): z.input<typeof memberLedgerSchema> {
  return {
    userId: ledger.userId,
    name: ledger.name,
    count: ledger.count,
    entries: ledger.entries.map((e) => ({ ...e, countsAt: iso(e.countsAt), meeting: e.meeting ? { ...e.meeting, startsAt: iso(e.meeting.startsAt) } : null })),
  };
}

export function presentReassignedUpcoming(value: ReassignedUpcoming): z.input<typeof reassignedUpcomingSchema> {
  return { reassigned: value.reassigned.map((r) => ({ ...r })), kept: value.kept.map((k) => ({ ...k, startsAt: iso(k.startsAt) })) };
}

export function presentOutOfOffice(periods: OutOfOfficeView[]): z.input<typeof outOfOfficeListSchema> {
  return { periods: periods.map((p) => ({ ...p, start: iso(p.start), end: iso(p.end) })) };
}

export const userSearchSchema = z.strictObject({
  users: z.array(z.strictObject({ id: z.string(), name: z.string(), email: z.string(), timeZone: z.string().describe("IANA name: the zone the period's times are read in.") })),
  more: z.boolean().describe("More matched than were returned; a longer search narrows them down."),
});

export const presentUserSearch = (search: UserSearch): z.input<typeof userSearchSchema> => ({ users: search.users.map((u) => ({ ...u })), more: search.more });

import type { HistoryEntry } from "@/lib/server/queries/rotation-history";

/** One history line in words, plus an optional second line with the details that explain it. */
export interface HistoryText {
  summary: string;
  detail?: string;
}

const REASON_LABELS: Record<string, string> = {
  inactive: "inactive",
  no_seat: "no seat",
  calendar_not_connected: "calendar not connected",
  calendar_sync_failing: "calendar sync failing",
  calendar_sync_off: "calendar sync off",
};

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function reasons(value: unknown): string {
  return Array.isArray(value) ? value.map((r) => REASON_LABELS[String(r)] ?? String(r)).join(", ") : "";
}

const DISTRIBUTION_LABELS: Record<string, string> = { even: "evenly", weighted: "weighted" };

const SETTING_LABELS: Record<string, string> = {
  countWindow: "Count window",
  timeZone: "Time zone",
  newcomerPolicy: "When someone joins",
  returnPolicy: "When someone returns",
  countNoShows: "No-shows and cancellations count",
  dailyCap: "Daily cap",
  weeklyCap: "Weekly cap",
  monthlyCap: "Monthly cap",
};

const SETTING_VALUE_LABELS: Record<string, string> = {
  since_reset: "since the last reset",
  monthly: "monthly",
  reset_everyone: "reset everyone",
  start_level: "start level",
  catch_up: "catch up",
  keep_level: "keep level",
  true: "yes",
  false: "no",
  null: "none",
};

function settingValue(value: unknown): string {
  return SETTING_VALUE_LABELS[String(value)] ?? String(value);
}

/** "Weekly cap: none → 5; Count window: since the last reset → monthly" */
function describeFairnessSettings(settings: Record<string, unknown>): string {
  return Object.entries(settings)
    .map(([key, change]) => {
      const { from, to } = record(change) ?? {};
      return `${SETTING_LABELS[key] ?? key}: ${settingValue(from)} → ${settingValue(to)}`;
    })
    .join("; ");
}

function describeSettingsChange(who: string, subject: string, details: Record<string, unknown>): HistoryText {
  const fairness = record(details.settings);
  if (fairness) return { summary: `${who} changed the rotation settings`, detail: describeFairnessSettings(fairness) };
  const distribution = record(details.distribution);
  if (distribution) {
    return { summary: `${who} changed the distribution from ${DISTRIBUTION_LABELS[String(distribution.from)] ?? "?"} to ${DISTRIBUTION_LABELS[String(distribution.to)] ?? "?"}` };
  }
  const eligibility = record(details.memberEligibility);
  if (eligibility) {
    const now = reasons(eligibility.to);
    return now
      ? { summary: `${subject} is no longer eligible`, detail: `Changed by ${who}: ${now}. Not proposed until this is fixed.` }
      : { summary: `${subject} is eligible again`, detail: `Changed by ${who}.` };
  }
  const team = record(details.teamRemoved);
  if (team) return { summary: `${who} deleted the team ${text(team.name) ?? ""}, which was part of this rotation` };
  return { summary: `${who} changed the rotation’s settings` };
}

function viaTeam(details: Record<string, unknown>, joined: boolean): string | undefined {
  const team = text(details.teamName);
  if (!team) return undefined;
  if (details.teamDeleted === true) return `The team ${team} was deleted.`;
  // Only team membership changes carry a team name; choosing a team in the rotation does not.
  return joined ? `Joined the team ${team}.` : `Left the team ${team}.`;
}

/** Words for an audit event (R12): who did what; for bookings, proposed and chosen host. */
export function describeHistoryEntry(entry: HistoryEntry): HistoryText {
  const who = entry.actorName ?? "Someone";
  const subject = entry.subjectName ?? "a former user";
  const details = entry.details;
  switch (entry.type) {
    case "rotation_created":
      return { summary: `${who} created the rotation`, detail: text(details.name) ? `Named “${text(details.name)}”.` : undefined };
    case "rotation_renamed":
      return { summary: `${who} renamed the rotation from “${text(details.from) ?? ""}” to “${text(details.to) ?? ""}”` };
    case "rotation_settings_changed":
      return describeSettingsChange(who, subject, details);
    case "member_added":
      return { summary: `${who} added ${subject}`, detail: viaTeam(details, true) };
    case "member_removed":
      return { summary: `${who} removed ${subject}`, detail: viaTeam(details, false) };
    case "counts_reset": {
      const joined = Array.isArray(details.newMembers) ? details.newMembers.length : 0;
      return { summary: "Every count was reset to 0", detail: `${joined} new ${joined === 1 ? "member" : "members"} joined.` };
    }
    case "availability_changed":
      return { summary: `${who} turned availability ${details.available === true ? "on" : "off"} for ${subject}` };
    case "rotation_deleted":
      return { summary: `${who} deleted the rotation` };
    case "meeting_booked": {
      const chosen = entry.chosenHostName ?? "a former user";
      const proposed = entry.proposedHostName ?? "no one";
      const how = details.autoAssigned === true ? "Assigned automatically." : entry.isOverride ? "Override: the rep chose another member." : "The rep booked the proposed member.";
      return { summary: `${who} booked “${text(details.title) ?? "a meeting"}” with ${chosen}`, detail: `Proposed: ${proposed}. Chosen: ${chosen}. ${how}` };
    }
    case "meeting_deleted":
      return {
        summary: `${who} deleted “${text(details.title) ?? "a meeting"}” with ${entry.chosenHostName ?? "a former user"}`,
        detail: details.countDecremented === false ? "Booked before the last reset, so no count changed." : "Their count went down by one.",
      };
    case "count_adjusted": {
      const delta = Number(details.delta ?? 0);
      const signed = delta > 0 ? `+${delta}` : String(delta);
      const how = details.cause === "calibration" ? "Start level on joining" : text(details.reason);
      return { summary: `${who} adjusted ${subject}’s count by ${signed}`, detail: how ? `Reason: ${how}` : undefined };
    }
    case "meeting_outcome_marked":
      return {
        summary: `${who} marked “${text(details.title) ?? "a meeting"}” as ${OUTCOME_LABELS[String(details.outcome)] ?? "?"}`,
        detail: details.creditedBack === true ? `${entry.chosenHostName ?? "The host"} was credited back one meeting.` : undefined,
      };
    case "meeting_outcome_cleared":
      return {
        summary: `${who} cleared the outcome of “${text(details.title) ?? "a meeting"}”`,
        detail: details.restored === true ? `${entry.chosenHostName ?? "The host"}’s credit-back was undone.` : undefined,
      };
    case "meeting_reassigned":
      return {
        summary: `${who} reassigned “${text(details.title) ?? "a meeting"}” from ${subject} to ${entry.chosenHostName ?? "a former user"}`,
        detail: `${details.toNextInRotation === true ? "Next in rotation. " : ""}Reason: ${text(details.reason) ?? "none given"}`,
      };
  }
}

const OUTCOME_LABELS: Record<string, string> = { completed: "completed", no_show: "a no-show", canceled_by_contact: "canceled by the contact" };

import type { MemberOption, TeamOption } from "@/lib/server/queries/users";

export interface PickerOption {
  kind: "team" | "user";
  id: string;
  /** Unique across both kinds; the listbox key. */
  key: string;
  label: string;
  secondary: string;
  /** Why it cannot be picked (R3), or null when it can. */
  disabledReason: string | null;
  selected: boolean;
}

export interface Selection {
  userIds: readonly string[];
  teamIds: readonly string[];
}

function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function matchesQuery(query: string, ...texts: string[]): boolean {
  const needle = normalize(query.trim());
  return needle === "" || texts.some((text) => normalize(text).includes(needle));
}

function teamSecondary(team: TeamOption, users: readonly MemberOption[]): string {
  const size = team.memberIds.length;
  const notEligible = team.memberIds.filter((id) => users.find((u) => u.id === id)?.ineligibleText).length;
  const people = `${size} ${size === 1 ? "user" : "users"}`;
  return notEligible > 0 ? `Team · ${people}, ${notEligible} not eligible` : `Team · ${people}`;
}

/**
 * The options the picker lists for a query: teams first, then users. A user who cannot be a
 * member is listed but disabled with the reason, unless already chosen (then they can still
 * be removed, as an edit may keep someone who lost eligibility).
 */
export function pickerOptions(users: readonly MemberOption[], teams: readonly TeamOption[], selection: Selection, query: string): PickerOption[] {
  const teamOptions = teams
    .filter((team) => matchesQuery(query, team.name))
    .map((team) => ({
      kind: "team" as const,
      id: team.id,
      key: `team-${team.id}`,
      label: team.name,
      secondary: teamSecondary(team, users),
      disabledReason: null,
      selected: selection.teamIds.includes(team.id),
    }));
  const userOptions = users
    .filter((user) => matchesQuery(query, user.name, user.email))
    .map((user) => {
      const selected = selection.userIds.includes(user.id);
      return {
        kind: "user" as const,
        id: user.id,
        key: `user-${user.id}`,
        label: user.name,
        secondary: user.email,
        disabledReason: user.ineligibleText && !selected ? `Not eligible: ${user.ineligibleText.toLowerCase()}` : null,
        selected,
      };
    });
  return [...teamOptions, ...userOptions];
}

/** Adds or removes one option from the selection; disabled options never get in. */
export function toggleOption(selection: Selection, option: PickerOption): Selection {
  if (option.disabledReason && !option.selected) return selection;
  const field = option.kind === "team" ? "teamIds" : "userIds";
  const current = selection[field];
  const next = current.includes(option.id) ? current.filter((id) => id !== option.id) : [...current, option.id];
  return { ...selection, [field]: next };
}

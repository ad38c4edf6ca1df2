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

function teamSecondary(team: TeamOption, known: ReadonlyMap<string, MemberOption>): string {
  const size = team.memberIds.length;
  const notEligible = team.memberIds.filter((id) => known.get(id)?.ineligibleText).length;
  const people = `${size} ${size === 1 ? "user" : "users"}`;
  return notEligible > 0 ? `Team · ${people}, ${notEligible} not eligible` : `Team · ${people}`;
}

/**
 * The options the picker lists for a query: teams first, then users. A user who cannot be a
 * member is listed but disabled with the reason, unless already chosen (then they can still
 * be removed, as an edit may keep someone who lost eligibility). The server has searched
 * already; filtering again keeps the last answer in step with the box while the next loads.
 * `people` are whoever the teams' members may be, for "2 not eligible".
 */
export function pickerOptions(users: readonly MemberOption[], teams: readonly TeamOption[], selection: Selection, query: string, people: readonly MemberOption[] = users): PickerOption[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const teamOptions = teams
    .filter((team) => matchesQuery(query, team.name))
    .map((team) => ({
      kind: "team" as const,
      id: team.id,
      key: `team-${team.id}`,
      label: team.name,
      secondary: teamSecondary(team, byId),
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

/** What picking an option teaches the form: the user, or the team and its members. */
export function learnedFrom(option: PickerOption, search: { users: readonly MemberOption[]; teams: readonly TeamOption[]; teamMembers: readonly MemberOption[] }): { users: MemberOption[]; teams: TeamOption[] } {
  if (option.kind === "user") return { users: search.users.filter((u) => u.id === option.id), teams: [] };
  const team = search.teams.find((t) => t.id === option.id);
  if (!team) return { users: [], teams: [] };
  const ids = new Set(team.memberIds);
  return { users: search.teamMembers.filter((m) => ids.has(m.id)), teams: [team] };
}

/** The known users and teams with more added; the newer copy of each wins. */
export function mergeKnown(known: { users: readonly MemberOption[]; teams: readonly TeamOption[] }, more: { users: readonly MemberOption[]; teams: readonly TeamOption[] }) {
  const users = new Map(known.users.map((u) => [u.id, u]));
  for (const u of more.users) users.set(u.id, u);
  const teams = new Map(known.teams.map((t) => [t.id, t]));
  for (const t of more.teams) teams.set(t.id, t);
  return { users: [...users.values()], teams: [...teams.values()] };
}

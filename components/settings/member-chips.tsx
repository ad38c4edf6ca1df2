import type { MemberOption, TeamOption } from "@/lib/server/queries/users";
import type { Selection } from "./member-picker-options";

interface MemberChipsProps {
  label: string;
  users: readonly MemberOption[];
  teams: readonly TeamOption[];
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
}

/** The chosen teams and users as removable chips, teams first. */
export function MemberChips({ label, users, teams, selection, onSelectionChange }: MemberChipsProps) {
  const chosenUsers = users.filter((user) => selection.userIds.includes(user.id));
  const chosenTeams = teams.filter((team) => selection.teamIds.includes(team.id));
  if (chosenTeams.length + chosenUsers.length === 0) return null;
  return (
    <ul aria-label={`Chosen ${label.toLowerCase()}`} className="flex flex-wrap gap-1.5 py-1">
      {chosenTeams.map((team) => (
        <Chip key={team.id} text={`${team.name} (team)`} removeLabel={`Remove ${team.name}`} onRemove={() => onSelectionChange({ ...selection, teamIds: selection.teamIds.filter((id) => id !== team.id) })} />
      ))}
      {chosenUsers.map((user) => (
        <Chip
          key={user.id}
          text={user.ineligibleText ? `${user.name} (not eligible)` : user.name}
          removeLabel={`Remove ${user.name}`}
          onRemove={() => onSelectionChange({ ...selection, userIds: selection.userIds.filter((id) => id !== user.id) })}
        />
      ))}
    </ul>
  );
}

function Chip({ text, removeLabel, onRemove }: { text: string; removeLabel: string; onRemove: () => void }) {
  return (
    <li className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 py-0.5 pr-1 pl-3 text-sm">
      <span>{text}</span>
      <button type="button" onClick={onRemove} aria-label={removeLabel} className="rounded-full px-1.5 text-slate-600 hover:bg-slate-200 hover:text-slate-900">
        <span aria-hidden>×</span>
      </button>
    </li>
  );
}

"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { MemberOption, TeamOption } from "@/lib/server/queries/users";
import { moveActive, pickerOptions, toggleOption, type PickerOption, type Selection } from "./member-picker-options";

interface MemberPickerProps {
  label: string;
  users: readonly MemberOption[];
  teams: readonly TeamOption[];
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  errors?: string[];
  hint?: string;
}

/**
 * A searchable multi-select of users and teams (the APG combobox with a multi-select
 * listbox): type to filter, arrows to move, Enter to pick or unpick, Escape to close.
 * The chosen ones show as removable chips and go to the form as hidden inputs.
 */
export function MemberPicker({ label, users, teams, selection, onSelectionChange, errors, hint }: MemberPickerProps) {
  const baseId = useId();
  const ids = { input: `${baseId}-input`, listbox: `${baseId}-listbox`, label: `${baseId}-label`, hint: `${baseId}-hint`, error: `${baseId}-error` };
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const options = useMemo(() => pickerOptions(users, teams, selection, query), [users, teams, selection, query]);
  const activeOption = open ? options.find((option) => option.key === activeKey) : undefined;
  const optionId = (option: PickerOption) => `${baseId}-${option.key}`;

  useEffect(() => {
    if (!activeOption) return;
    document.getElementById(`${baseId}-${activeOption.key}`)?.scrollIntoView({ block: "nearest" });
  }, [activeOption, baseId]);

  // The side panel closes on Escape from a capture listener on the document; a window capture
  // listener runs before it, so Escape closes only the list while the list is open.
  useEffect(() => {
    if (!open) return;
    const closeListFirst = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape" && event.target === inputRef.current) {
        event.stopPropagation();
        setOpen(false);
      }
    };
    window.addEventListener("keydown", closeListFirst, { capture: true });
    return () => window.removeEventListener("keydown", closeListFirst, { capture: true });
  }, [open]);

  const choose = (option: PickerOption) => {
    if (option.disabledReason) return;
    onSelectionChange(toggleOption(selection, option));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActiveKey(activeKey ?? options.find((o) => !o.disabledReason)?.key ?? null);
        return;
      }
      setActiveKey(moveActive(options, activeKey, event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && open) {
      // Enter picks; it must not submit the panel's form while the list is open.
      event.preventDefault();
      if (activeOption) choose(activeOption);
    }
  };

  const chosenUsers = users.filter((user) => selection.userIds.includes(user.id));
  const chosenTeams = teams.filter((team) => selection.teamIds.includes(team.id));
  const describedBy = [hint ? ids.hint : null, errors?.length ? ids.error : null].filter(Boolean).join(" ") || undefined;
  const teamOptions = options.filter((o) => o.kind === "team");
  const userOptions = options.filter((o) => o.kind === "user");

  const renderOption = (option: PickerOption) => (
    <div
      key={option.key}
      id={optionId(option)}
      role="option"
      aria-selected={option.selected}
      aria-disabled={option.disabledReason ? true : undefined}
      // Keep focus in the input: the listbox is driven from there (aria-activedescendant).
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        setActiveKey(option.key);
        choose(option);
      }}
      className={`flex cursor-pointer items-start gap-3 px-3 py-2 text-sm ${option.key === activeKey ? "bg-brand-50" : ""} ${option.disabledReason ? "cursor-not-allowed text-slate-500" : "hover:bg-slate-50"}`}
    >
      <span
        aria-hidden
        className={`mt-0.5 flex size-4 shrink-0 items-center justify-center rounded border text-[10px] ${option.selected ? "border-brand-600 bg-brand-600 text-white" : "border-slate-400 bg-white"}`}
      >
        {option.selected ? "✓" : ""}
      </span>
      <span className="min-w-0">
        <span className={`block font-medium ${option.disabledReason ? "" : "text-slate-900"}`}>{option.label}</span>
        <span className="block text-xs text-slate-600">{option.secondary}</span>
        {option.disabledReason && <span className="block text-xs font-medium text-amber-800">{option.disabledReason}</span>}
      </span>
    </div>
  );

  return (
    <div className="flex flex-col gap-1">
      <label id={ids.label} htmlFor={ids.input} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint && (
        <p id={ids.hint} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {chosenTeams.length + chosenUsers.length > 0 && (
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
      )}
      <div className="relative">
        <input
          ref={inputRef}
          id={ids.input}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={ids.listbox}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          autoComplete="off"
          placeholder="Search users and teams"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            const next = pickerOptions(users, teams, selection, event.target.value);
            setActiveKey(next.find((o) => !o.disabledReason)?.key ?? next[0]?.key ?? null);
          }}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 focus:border-brand-500 aria-invalid:border-red-500"
        />
        <div
          id={ids.listbox}
          role="listbox"
          aria-multiselectable="true"
          aria-labelledby={ids.label}
          hidden={!open || options.length === 0}
          className="absolute z-10 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {teamOptions.length > 0 && (
            <div role="group" aria-label="Teams">
              <p aria-hidden className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Teams
              </p>
              {teamOptions.map(renderOption)}
            </div>
          )}
          {userOptions.length > 0 && (
            <div role="group" aria-label="Users">
              <p aria-hidden className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Users
              </p>
              {userOptions.map(renderOption)}
            </div>
          )}
        </div>
        {open && options.length === 0 && (
          // Outside the listbox: a listbox may only contain options and groups of options.
          <p className="absolute z-10 mt-1 w-full rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600 shadow-lg">No users or teams match “{query}”.</p>
        )}
      </div>
      <p aria-live="polite" className="text-xs text-slate-600">
        {describeChoice(chosenUsers.length, chosenTeams.length)}
      </p>
      {errors?.length ? (
        <p id={ids.error} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      {selection.userIds.map((id) => (
        <input key={`u-${id}`} type="hidden" name="userIds" value={id} />
      ))}
      {selection.teamIds.map((id) => (
        <input key={`t-${id}`} type="hidden" name="teamIds" value={id} />
      ))}
    </div>
  );
}

function describeChoice(userCount: number, teamCount: number): string {
  if (userCount + teamCount === 0) return "No members chosen yet.";
  const parts = [userCount ? `${userCount} ${userCount === 1 ? "user" : "users"}` : null, teamCount ? `${teamCount} ${teamCount === 1 ? "team" : "teams"}` : null];
  return `${parts.filter(Boolean).join(" and ")} chosen.`;
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

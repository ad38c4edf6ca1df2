"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { ComboBox, Header, Input, Label, ListBox, ListBoxItem, ListBoxSection, Popover, Text, type Key } from "react-aria-components";
import { COMBOBOX_LIST_CLASS, COMBOBOX_POPOVER_CLASS, MoreMatchesNote, SearchListEmpty } from "@/components/ui/combobox-list";
import { FieldErrorText, useFieldErrors } from "@/components/ui/field";
import { OwnQueryClient } from "@/components/ui/own-query-client";
import { useSettled } from "@/components/ui/use-settled";
import { memberSearchQuery, type MemberSearchDto } from "@/lib/query/members";
import type { MemberOptions } from "@/lib/server/queries/users";
import { learnedFrom, pickerOptions, toggleOption, type PickerOption, type Selection } from "./member-picker-options";
import { MemberChips } from "./member-chips";

interface MemberPickerProps {
  label: string;
  /** Every user and team the form knows about: at least the chosen ones, for their chips. */
  known: MemberOptions;
  selection: Selection;
  /** The new selection, and what the picked option taught (a user, or a team and its members). */
  onSelectionChange: (selection: Selection, learned?: MemberOptions) => void;
  errors?: string[];
  hint?: string;
}

const NOTHING: MemberSearchDto = { teams: [], users: [], teamMembers: [], more: false };
const sectionHeader = "px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase";

/**
 * A searchable multi-select of users and teams: React Aria's combobox with a multi-select
 * listbox (type to search, arrows to move, Enter to pick or unpick, Escape to close). The
 * server searches (GET /api/v1/member-options, at most 20 matches), so the page never holds
 * the whole organisation. The chosen ones show as removable chips and go to the form as
 * hidden inputs.
 */
export function MemberPicker(props: MemberPickerProps) {
  return (
    <OwnQueryClient>
      <SearchingMemberPicker {...props} />
    </OwnQueryClient>
  );
}

function SearchingMemberPicker({ label, known, selection, onSelectionChange, errors, hint }: MemberPickerProps) {
  const ids = { hint: useId(), error: useId() };
  // Picking or removing someone answers "choose at least one": the error goes at once.
  const { shown: shownErrors, edited, wrapper } = useFieldErrors(errors);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const settled = useSettled(query.trim());
  // Asked only while the list is open; the previous answer stays up while the next loads.
  const search = useQuery({ ...memberSearchQuery(settled), enabled: open, placeholderData: keepPreviousData });
  const found = search.data ?? NOTHING;
  // The list renders inside the picker, not at the end of <body>: the side panel is a modal
  // dialog, and a list outside it would be unclickable and count as a click outside.
  const [listContainer, setListContainer] = useState<HTMLDivElement | null>(null);
  const options = useMemo(() => pickerOptions(found.users, found.teams, selection, query, found.teamMembers), [found, selection, query]);
  // Stable identities: React Aria rebuilds its collection (and re-checks the active option)
  // whenever these change, so fresh arrays on every render would never let it settle.
  const { sections, chosenKeys, disabledKeys } = useMemo(
    () => ({
      sections: [
        { title: "Teams", items: options.filter((o) => o.kind === "team") },
        { title: "Users", items: options.filter((o) => o.kind === "user") },
      ].filter((section) => section.items.length > 0),
      chosenKeys: options.filter((o) => o.selected).map((o) => o.key),
      disabledKeys: options.filter((o) => o.disabledReason).map((o) => o.key),
    }),
    [options],
  );

  // The listbox reports every chosen key; the one that changed goes through toggleOption,
  // which keeps an ineligible user out (R3) whatever the widget lets through.
  const onChange = (keys: Key[]) => {
    const chosen = new Set(keys);
    const toggled = options.find((option) => option.selected !== chosen.has(option.key));
    if (!toggled) return;
    edited();
    onSelectionChange(toggleOption(selection, toggled), learnedFrom(toggled, found));
  };

  const describedBy = [hint ? ids.hint : null, shownErrors ? ids.error : null].filter(Boolean).join(" ") || undefined;

  return (
    <div ref={wrapper} className="flex flex-col gap-1">
      <ComboBox
        selectionMode="multiple"
        items={options}
        value={chosenKeys}
        onChange={onChange}
        disabledKeys={disabledKeys}
        inputValue={query}
        onInputChange={setQuery}
        // Closing clears the search: the chips show what was chosen, and a query left behind
        // would make the list open again at once (React Aria reopens on unsettled input).
        onOpenChange={(isOpen) => {
          setOpen(isOpen);
          if (!isOpen) setQuery("");
        }}
        allowsEmptyCollection
        isInvalid={Boolean(shownErrors)}
        aria-describedby={describedBy}
        className="flex flex-col gap-1"
      >
        <Label className="text-sm font-medium text-slate-700">{label}</Label>
        {hint && (
          <p id={ids.hint} className="text-xs text-slate-500">
            {hint}
          </p>
        )}
        <MemberChips
          label={label}
          users={known.users}
          teams={known.teams}
          selection={selection}
          onSelectionChange={(next) => {
            edited();
            onSelectionChange(next);
          }}
        />
        <div
          ref={setListContainer}
          className="relative"
          // With no option active, Enter would close the list and hide why nothing was picked
          // (say, only a disabled match); the original picker kept the list open, so does this.
          onKeyDownCapture={(event) => {
            const input = event.target as HTMLElement;
            if (event.key === "Enter" && input.getAttribute("aria-expanded") === "true" && !input.getAttribute("aria-activedescendant")) {
              event.preventDefault();
              event.stopPropagation();
            }
          }}
        >
          <Input
            placeholder="Search users and teams"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 focus:border-brand-500 data-invalid:border-red-500"
          />
          {listContainer && (
            <Popover UNSTABLE_portalContainer={listContainer} offset={4} className={COMBOBOX_POPOVER_CLASS}>
              <ListBox<(typeof sections)[number]>
                items={sections}
                renderEmptyState={() => (
                  <SearchListEmpty searching={search.isFetching || settled !== query.trim()} failed={search.isError} noMatch={`No users or teams match “${query}”.`} />
                )}
                className={COMBOBOX_LIST_CLASS}
              >
                {(section) => (
                  <ListBoxSection id={section.title} className="py-0.5">
                    <Header className={sectionHeader}>{section.title}</Header>
                    {section.items.map((option) => (
                      <MemberOptionItem key={option.key} option={option} />
                    ))}
                  </ListBoxSection>
                )}
              </ListBox>
              {found.more && <MoreMatchesNote shown={found.teams.length + found.users.length} />}
            </Popover>
          )}
        </div>
      </ComboBox>
      <p aria-live="polite" className="text-xs text-slate-600">
        {describeChoice(selection.userIds.length, selection.teamIds.length)}
      </p>
      <FieldErrorText id={ids.error} errors={shownErrors} />
      {selection.userIds.map((id) => (
        <input key={`u-${id}`} type="hidden" name="userIds" value={id} />
      ))}
      {selection.teamIds.map((id) => (
        <input key={`t-${id}`} type="hidden" name="teamIds" value={id} />
      ))}
    </div>
  );
}

function MemberOptionItem({ option }: { option: PickerOption }) {
  return (
    <ListBoxItem
      id={option.key}
      textValue={option.label}
      className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm outline-none data-disabled:cursor-not-allowed data-disabled:text-slate-500 data-focused:bg-brand-50 data-hovered:bg-slate-50"
    >
      <span
        aria-hidden
        className={`mt-0.5 flex size-4 shrink-0 items-center justify-center rounded border text-[10px] ${option.selected ? "border-brand-600 bg-brand-600 text-white" : "border-slate-400 bg-white"}`}
      >
        {option.selected ? "✓" : ""}
      </span>
      <span className="min-w-0">
        <Text slot="label" className={`block font-medium ${option.disabledReason ? "" : "text-slate-900"}`}>
          {option.label}
        </Text>
        <Text slot="description" className="block text-xs text-slate-600">
          {option.secondary}
          {option.disabledReason && <span className="block font-medium text-amber-800">{option.disabledReason}</span>}
        </Text>
      </span>
    </ListBoxItem>
  );
}

function describeChoice(userCount: number, teamCount: number): string {
  if (userCount + teamCount === 0) return "No members chosen yet.";
  const parts = [userCount ? `${userCount} ${userCount === 1 ? "user" : "users"}` : null, teamCount ? `${teamCount} ${teamCount === 1 ? "team" : "teams"}` : null];
  return `${parts.filter(Boolean).join(" and ")} chosen.`;
}

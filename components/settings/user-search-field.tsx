"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from "react-aria-components";
import { COMBOBOX_LIST_CLASS, COMBOBOX_POPOVER_CLASS, MoreMatchesNote, SearchListEmpty } from "@/components/ui/combobox-list";
import { FieldErrorText, useFieldErrors } from "@/components/ui/field";
import { OwnQueryClient } from "@/components/ui/own-query-client";
import { useSettled } from "@/components/ui/use-settled";
import { userSearchQuery, type UserSearchDto } from "@/lib/query/users";

type UserOption = UserSearchDto["users"][number];

interface UserSearchFieldProps {
  label: string;
  /** The form field the chosen user's id is sent as. */
  name: string;
  /** Chosen until someone else is picked. */
  initial: UserOption;
  errors?: string[];
}

const optionText = (user: UserOption) => `${user.name} (${user.timeZone})`;

/**
 * One user out of an organisation of any size: React Aria's combobox over a server search
 * (GET /api/v1/user-options, at most 20 matches). Type to search, arrows to move, Enter to
 * pick; leaving the field without picking puts the chosen user's name back.
 */
export function UserSearchField(props: UserSearchFieldProps) {
  return (
    <OwnQueryClient>
      <SearchingUserField {...props} />
    </OwnQueryClient>
  );
}

function SearchingUserField({ label, name, initial, errors }: UserSearchFieldProps) {
  const errorId = useId();
  const { shown: shownErrors, edited, wrapper } = useFieldErrors(errors);
  const [chosen, setChosen] = useState(initial);
  const [inputValue, setInputValue] = useState(optionText(initial));
  const [open, setOpen] = useState(false);
  // While the field shows the chosen user, opening it lists everyone from the start.
  const searchText = inputValue === optionText(chosen) ? "" : inputValue.trim();
  const settled = useSettled(searchText);
  const search = useQuery({ ...userSearchQuery(settled), enabled: open, placeholderData: keepPreviousData });
  const found = search.data;
  const items = useMemo(() => found?.users ?? [], [found]);
  // See member-picker.tsx: inside a modal dialog, the list must render within it.
  const [listContainer, setListContainer] = useState<HTMLDivElement | null>(null);

  // Both the selection and the text are controlled: a pick sets both, and anything else
  // (leaving the field, Escape: React Aria reports the old key or none) puts the chosen
  // user's text back.
  const onSelectionChange = (key: Key | null) => {
    const picked = key === null ? undefined : items.find((u) => u.id === key);
    if (picked && picked.id !== chosen.id) {
      edited();
      setChosen(picked);
    }
    setInputValue(optionText(picked ?? chosen));
  };

  return (
    <div ref={wrapper} className="flex flex-col gap-1">
      <ComboBox
        items={items}
        selectedKey={chosen.id}
        onSelectionChange={onSelectionChange}
        inputValue={inputValue}
        onInputChange={setInputValue}
        onOpenChange={setOpen}
        allowsEmptyCollection
        isInvalid={Boolean(shownErrors)}
        aria-describedby={shownErrors ? errorId : undefined}
        className="flex flex-col gap-1"
      >
        <Label className="text-sm font-medium text-slate-700">{label}</Label>
        <div ref={setListContainer} className="relative">
          <Input className="w-full rounded-md border border-slate-300 bg-white py-2 pr-9 pl-3 text-sm shadow-sm focus:border-brand-500 data-invalid:border-red-500" />
          <Button aria-label={`Show ${label.toLowerCase()}s`} className="absolute inset-y-0 right-0 flex w-9 items-center justify-center text-slate-500 hover:text-slate-800">
            <span aria-hidden>▾</span>
          </Button>
          {listContainer && (
            <Popover UNSTABLE_portalContainer={listContainer} offset={4} className={COMBOBOX_POPOVER_CLASS}>
              <ListBox<UserOption>
                renderEmptyState={() => (
                  <SearchListEmpty searching={search.isFetching || settled !== searchText} failed={search.isError} noMatch={`No active user matches “${searchText}”.`} />
                )}
                className={COMBOBOX_LIST_CLASS}
              >
                {(user) => (
                  <ListBoxItem id={user.id} textValue={optionText(user)} className="cursor-pointer px-3 py-2 text-sm outline-none data-focused:bg-brand-50 data-hovered:bg-slate-50 data-selected:font-semibold">
                    <Text slot="label" className="block text-slate-900">
                      {optionText(user)}
                    </Text>
                    <Text slot="description" className="block text-xs text-slate-600">
                      {user.email}
                    </Text>
                  </ListBoxItem>
                )}
              </ListBox>
              {found?.more && <MoreMatchesNote shown={found.users.length} />}
            </Popover>
          )}
        </div>
      </ComboBox>
      <FieldErrorText id={errorId} errors={shownErrors} />
      <input type="hidden" name={name} value={chosen.id} />
    </div>
  );
}

/*
 * The open list of a search combobox (member picker, user field). The popover itself never
 * scrolls: on a phone it is shorter than the list, and a scrolling popover is a region no key
 * can reach (axe: scrollable-region-focusable). The listbox inside it scrolls instead.
 */
export const COMBOBOX_POPOVER_CLASS = "left-0! flex w-(--trigger-width) flex-col overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg";
export const COMBOBOX_LIST_CLASS = "max-h-72 min-h-0 flex-1 overflow-y-auto py-1 outline-none";

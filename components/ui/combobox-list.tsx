/*
 * The open list of a search combobox (member picker, user field). The popover itself never
 * scrolls: on a phone it is shorter than the list, and a scrolling popover is a region no key
 * can reach (axe: scrollable-region-focusable). The listbox inside it scrolls instead.
 */
export const COMBOBOX_POPOVER_CLASS = "left-0! flex w-(--trigger-width) flex-col overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg";
export const COMBOBOX_LIST_CLASS = "max-h-72 min-h-0 flex-1 overflow-y-auto py-1 outline-none";

/** What an empty search list says: still searching (typing not settled, or asking), failed, or no match. */
export function SearchListEmpty({ searching, failed, noMatch }: { searching: boolean; failed: boolean; noMatch: string }) {
  return <p className="px-3 py-2 text-sm text-slate-600">{searching ? "Searching…" : failed ? "Search failed. Try again." : noMatch}</p>;
}

/** Under a list the server cut short: how many are shown, and how to find the rest. */
export function MoreMatchesNote({ shown }: { shown: number }) {
  return <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-600">Showing the first {shown} matches. Type more to narrow them down.</p>;
}

/** One page of a list: which rows it holds and how it reads ("Showing 51–100 of 2,000"). */
export interface PageWindow {
  page: number;
  pageSize: number;
  lastPage: number;
  offset: number;
  total: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there is none. */
  first: number;
  last: number;
}

/**
 * The page to show for a requested page number: a number past the end shows the last page
 * (a link kept from before rows were removed still lands somewhere), below 1 the first.
 */
export function pageWindow(requested: number, pageSize: number, total: number): PageWindow {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), lastPage);
  const offset = (page - 1) * pageSize;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + pageSize, total);
  return { page, pageSize, lastPage, offset, total, first, last };
}

const number = new Intl.NumberFormat("en-US");

/** "Showing 51–100 of 2,000" (or "Showing 1 of 1"); empty when there is nothing to show. */
export function describeWindow(window: PageWindow): string {
  if (window.total === 0) return "";
  const range = window.first === window.last ? number.format(window.first) : `${number.format(window.first)}–${number.format(window.last)}`;
  return `Showing ${range} of ${number.format(window.total)}`;
}

/** A search string as a LIKE pattern that matches it anywhere, its own % _ and \ taken literally. */
export function containsPattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { describeWindow, type PageWindow } from "@/lib/domain/paging";

/**
 * A search box that is a plain GET form: it works before (or without) JavaScript, and the
 * search lives in the address, so a result can be bookmarked and Back returns to it.
 */
export function ListSearch({ action, label, query, placeholder }: { action: string; label: string; query: string | undefined; placeholder: string }) {
  return (
    <form role="search" action={action} method="get" className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-0 grow flex-col gap-1 sm:max-w-sm">
        <label htmlFor="list-search" className="text-sm font-medium text-slate-700">
          {label}
        </label>
        <input
          id="list-search"
          type="search"
          name="q"
          defaultValue={query ?? ""}
          maxLength={100}
          placeholder={placeholder}
          autoComplete="off"
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500"
        />
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        Search
      </button>
      {query && (
        <Link href={action} className="px-1 py-2 text-sm text-brand-700 underline">
          Clear search
        </Link>
      )}
    </form>
  );
}

/** The address of page `n` of a list, keeping its search. */
export function listHref(path: string, query: string | undefined, page: number): string {
  const params = new URLSearchParams({ ...(query && { q: query }), ...(page > 1 && { page: String(page) }) });
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** "Showing 51–100 of 2,000" with Previous and Next links (plain links: Tab and Enter work). */
export function Pager({ path, query, window, label }: { path: string; query: string | undefined; window: PageWindow; label: string }) {
  if (window.total === 0) return null;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700" aria-live="polite">
        {describeWindow(window)}
        {window.lastPage > 1 && <span className="text-slate-600"> · page {window.page} of {window.lastPage}</span>}
      </p>
      {window.lastPage > 1 && (
        <div className="flex gap-2">
          {window.page > 1 ? (
            <Link href={listHref(path, query, window.page - 1)} rel="prev" className={link}>
              Previous<span className="sr-only"> page</span>
            </Link>
          ) : (
            <span aria-hidden className={`${link} cursor-default text-slate-400`}>Previous</span>
          )}
          {window.page < window.lastPage ? (
            <Link href={listHref(path, query, window.page + 1)} rel="next" className={link}>
              Next<span className="sr-only"> page</span>
            </Link>
          ) : (
            <span aria-hidden className={`${link} cursor-default text-slate-400`}>Next</span>
          )}
        </div>
      )}
    </nav>
  );
}

/** What a search that found nothing says, with the way back. */
export function NoMatch({ what, query, path }: { what: string; query: string; path: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="font-medium">
        No {what} match “{query}”
      </p>
      <p className="mt-1 text-sm text-slate-600">
        Search by part of a name or an email address, or{" "}
        <Link href={path} className="text-brand-700 underline">
          show all {what}
        </Link>
        .
      </p>
    </div>
  );
}

import Link from "next/link";
import { RECORD_TYPE_INFO, recordHref, type RecordType } from "@/lib/domain/records";
import type { RecordList } from "@/lib/server/queries/record-list";

export interface ListSearchParams {
  q?: string | string[];
  page?: string | string[];
}

/** A page of records as a table, with the search box and the pagination. */
export function RecordTable({ type, query, list }: { type: RecordType; query: string; list: RecordList }) {
  const info = RECORD_TYPE_INFO[type];
  const pageHref = (page: number) => `${info.path}?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) })}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{info.plural}</h1>
          <p className="text-sm text-slate-600">
            {list.total} {list.total === 1 ? info.singular.toLowerCase() : info.plural.toLowerCase()}
            {query && <> matching “{query}”</>}
          </p>
        </div>
        <form role="search" action={info.path} className="flex gap-2">
          <label htmlFor="record-search" className="sr-only">
            Search {info.plural.toLowerCase()}
          </label>
          <input
            id="record-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder={`Search ${info.plural.toLowerCase()} by name`}
            className="w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            Search
          </button>
        </form>
      </div>

      {list.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">No {info.plural.toLowerCase()} found</p>
          <p className="text-sm text-slate-600">{query ? "Try another name, or clear the search." : `There are no ${info.plural.toLowerCase()} yet.`}</p>
          {query && (
            <Link href={info.path} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
              Clear search
            </Link>
          )}
        </div>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{info.plural}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Name
                </th>
                {list.columns.map((column) => (
                  <th key={column} scope="col" className="px-4 py-3">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  <th scope="row" className="px-4 py-3 text-left font-medium">
                    <Link href={recordHref(type, row.id)} className="text-brand-700 hover:underline">
                      {row.name}
                    </Link>
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={i} className="px-4 py-3 text-slate-700">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pageCount > 1 && (
        <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
          <span className="text-slate-600">
            Page {list.page} of {list.pageCount}
          </span>
          <div className="flex gap-2">
            {list.page > 1 && (
              <Link href={pageHref(list.page - 1)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
                Previous page
              </Link>
            )}
            {list.page < list.pageCount && (
              <Link href={pageHref(list.page + 1)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
                Next page
              </Link>
            )}
          </div>
        </nav>
      )}
    </div>
  );
}

import "server-only";
import type { Database } from "@/db/client";
import type { RecordType } from "@/lib/domain/records";
import { RECORD_KINDS, type RecordListRow } from "@/lib/server/crm/records";

export type { RecordListRow } from "@/lib/server/crm/records";

export const PAGE_SIZE = 20;
const MAX_PAGE = 1_000_000;

export interface RecordList {
  columns: string[];
  rows: RecordListRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** `%` and `_` typed in a search box mean themselves, not wildcards. */
function containsPattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of a record type, optionally filtered by name. */
export async function listRecords(db: Database, type: RecordType, options: { query?: string; page?: number }): Promise<RecordList> {
  // PostgreSQL text cannot hold U+0000 (no name contains one), and refuses it in a parameter.
  const query = options.query?.replaceAll("\u0000", "").trim().slice(0, 100) ?? "";
  // Beyond the last page the list is simply empty; the cap keeps the offset a valid bigint.
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(options.page ?? 1)));
  const kind = RECORD_KINDS[type];
  const { rows, total } = await kind.list(db, { pattern: query ? containsPattern(query) : undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { columns: kind.columns, rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

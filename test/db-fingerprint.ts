import { getTableColumns, getTableName, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { rowsOf, schema, type Database } from "@/db/client";

/**
 * Row count and a checksum of every table, to prove a stream of refused requests wrote
 * nothing. api_tokens.last_used_at is left out on purpose: recording that a token was used
 * is the one write authentication itself makes, refused request or not. An outbox message's
 * delivery state is left out too: the app's job worker delivers what the seed booked while the
 * requests run; a message added or changed by a request still shows.
 */
const IGNORED_COLUMNS: Record<string, string[]> = {
  api_tokens: ["last_used_at"],
  outbox_messages: ["status", "attempts", "next_attempt_at", "leased_until", "last_error", "delivered_at"],
};

export type Fingerprint = Record<string, { rows: number; checksum: string }>;

export async function fingerprint(db: Database): Promise<Fingerprint> {
  const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => value instanceof PgTable);
  const result: Fingerprint = {};
  for (const table of tables) {
    const name = getTableName(table);
    const ignored = IGNORED_COLUMNS[name] ?? [];
    const columns = Object.values(getTableColumns(table))
      .map((column) => column.name)
      .filter((column) => !ignored.includes(column));
    const projection = sql.raw(columns.map((c) => `"${c}"`).join(", "));
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(
        sql`select count(*)::int as n, coalesce(md5(string_agg(r::text, '|' order by r::text)), '') as checksum
            from (select ${projection} from ${sql.raw(`"${name}"`)}) r`,
      ),
    );
    result[name] = { rows: Number(rows[0]?.n ?? 0), checksum: String(rows[0]?.checksum ?? "") };
  }
  return result;
}

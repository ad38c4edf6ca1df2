import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";

/**
 * pg-boss's SQL run on the embedded database in this process. PGlite is one session that
 * queues statements, so the queue's short transactions (its multi-statement texts, sent
 * without parameters) run whole between the app's own transactions.
 */
export function pgliteExecutor(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

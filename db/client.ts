import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/** The Drizzle database, whichever driver is behind it. A transaction is one too. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  config: DatabaseConfig;
  /** The embedded database itself, for the job queue's own SQL (lib/server/jobs). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string };

/** The one place that picks the driver: postgres.js for PostgreSQL, PGlite embedded. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === "postgres") {
    // Pool settings and why: docs/operations.md.
    const client = postgres(config.url, {
      max: config.poolSize ?? 10,
      // Fail fast when PostgreSQL is down instead of queueing requests for half a minute.
      connect_timeout: 5,
      // A request waits at most this long for a free, connected session, then gets
      // QUEUE_TIMEOUT (503): while PostgreSQL restarts or refuses connections, nothing hangs.
      queue_timeout: 6,
      idle_timeout: 30,
      // While PostgreSQL is away the pool makes one connection attempt at a time, this many
      // seconds apart: at most half a second, however many failed, so the app is back within
      // about that of PostgreSQL accepting sessions (the default grows far past it). Two
      // attempts a second are no burden to a database that is starting.
      backoff: (attempts) => Math.min(0.05 * 2 ** attempts, 0.5) * (0.5 + Math.random() / 2),
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres(client, { schema }),
      kind: "postgres",
      config,
      close: () => client.end({ timeout: 5 }),
    };
  }
  // PGlite creates only the last path segment itself.
  mkdirSync(path.dirname(path.resolve(config.dataDir)), { recursive: true });
  const client = await PGlite.create({ dataDir: config.dataDir, extensions: { btree_gist } });
  return {
    db: drizzlePglite(client, { schema }),
    kind: "pglite",
    config,
    pglite: client,
    close: () => client.close(),
  };
}

/** The rows of a `db.execute()` result: postgres.js returns them, PGlite returns `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

export { schema };

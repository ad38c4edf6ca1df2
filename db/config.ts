import path from "node:path";
import { env } from "@/lib/env";
import type { DatabaseConfig } from "./client";

/** DATABASE_URL set: PostgreSQL. Unset: the embedded database in DATA_DIR (§7). */
export function databaseConfigFromEnv(): DatabaseConfig {
  const { DATABASE_URL, DATA_DIR, DATABASE_POOL_SIZE } = env();
  if (DATABASE_URL) return { kind: "postgres", url: DATABASE_URL, poolSize: DATABASE_POOL_SIZE };
  return { kind: "pglite", dataDir: path.join(DATA_DIR, "pglite") };
}

import "server-only";
import { openDatabase, type Database, type DatabaseConfig, type DatabaseHandle } from "@/db/client";
import { databaseConfigFromEnv } from "@/db/config";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoDataIfEmpty } from "@/lib/server/demo/demo";

/**
 * Opens the database, applies migrations and — for the embedded database only — loads the
 * demo organisation into an empty one. Called once per server process through getDb().
 */
export async function startDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Promise<DatabaseHandle> {
  const handle = await openDatabase(config);
  try {
    await migrateDatabase(handle);
    if (handle.kind === "pglite") await seedDemoDataIfEmpty(handle.db);
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

const globalForDb = globalThis as unknown as { meetingRotationsDb?: Promise<DatabaseHandle> };

/** The process-wide database, memoized on globalThis so dev reloads reuse it. */
export function getDb(): Promise<Database> {
  return getDbHandle().then((handle) => handle.db);
}

/** The process-wide database with its driver, for what needs more than Drizzle (the job queue). */
export function getDbHandle(): Promise<DatabaseHandle> {
  if (!globalForDb.meetingRotationsDb) {
    globalForDb.meetingRotationsDb = startDatabase().catch((error: unknown) => {
      // Forget the failure so the next request tries again (PostgreSQL may be back).
      globalForDb.meetingRotationsDb = undefined;
      throw error;
    });
  }
  return globalForDb.meetingRotationsDb;
}

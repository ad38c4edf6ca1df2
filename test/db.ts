import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { getTableName, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, inject } from "vitest";
import { openDatabase, schema, type Database, type DatabaseHandle, type DatabaseKind } from "@/db/client";
import { withDatabaseName } from "./database-url";

const allTables = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => `"${getTableName(table)}"`)
  .join(", ");

/** The databases every DB test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return inject("postgresAdminUrl") ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase {
  kind: DatabaseKind;
  db: Database;
  handle: DatabaseHandle;
}

/** A migrated database of its own for one test file, dropped at the end. */
export async function openTestDatabase(kind: DatabaseKind): Promise<{ handle: DatabaseHandle; url?: string; dispose(): Promise<void> }> {
  const name = `t_${randomUUID().replaceAll("-", "")}`;
  if (kind === "pglite") {
    const runDir = inject("testDataDir");
    const dataDir = path.join(runDir, name);
    cpSync(path.join(runDir, "template"), dataDir, { recursive: true });
    const handle = await openDatabase({ kind, dataDir });
    return {
      handle,
      dispose: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject("postgresAdminUrl");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject("postgresTemplateDb")}`);
  const url = withDatabaseName(adminUrl, name);
  const handle = await openDatabase({ kind, url, poolSize: 30 });
  return {
    handle,
    url,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function truncateAll(db: Database): Promise<void> {
  await db.execute(sql.raw(`truncate ${allTables} restart identity cascade`));
}

/**
 * Declares the suite once per database kind. Each kind gets its own database for the
 * file, emptied before every test so tests never see each other's rows.
 */
export function describeEachDatabase(title: string, body: (current: () => TestDatabase) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${title} [${kind}]`, () => {
      let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      beforeEach(async () => {
        if (opened) await truncateAll(opened.handle.db);
      });
      body(() => {
        if (!opened) throw new Error("test database not opened yet");
        return { kind, db: opened.handle.db, handle: opened.handle };
      });
    });
  }
}

/**
 * A PostgreSQL database of its own for one suite, reached through two pools as two app
 * instances reach it (bookings queue per instance, so only the database orders the two);
 * emptied before every test. `instance(i)` alternates between them.
 */
export function useTwoInstances() {
  let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  let second: DatabaseHandle | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase("postgres");
    second = await openDatabase({ kind: "postgres", url: opened.url ?? "", poolSize: 30 });
  });
  afterAll(async () => {
    await second?.close();
    await opened?.dispose();
  });
  beforeEach(async () => {
    if (opened) await truncateAll(opened.handle.db);
  });
  const first = (): Database => {
    if (!opened) throw new Error("test database not opened yet");
    return opened.handle.db;
  };
  const other = (): Database => {
    if (!second) throw new Error("second instance not opened yet");
    return second.db;
  };
  return { db: first, other, instance: (i: number): Database => (i % 2 === 0 ? first() : other()) };
}

import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { withDatabaseName } from "./database-url";

/**
 * Builds each migrated template once per run: a fresh PGlite costs 4–5 s of initdb, a
 * copy of a migrated one under a second. On PostgreSQL every test file clones a template
 * database with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  // One folder per run, so two runs at once (a watcher and a CI job) never share files.
  const runDir = path.join(process.cwd(), ".test-data", `vitest-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  const pgliteTemplateDir = path.join(runDir, "template");
  const pglite = await openDatabase({ kind: "pglite", dataDir: pgliteTemplateDir });
  await migrateDatabase(pglite);
  await pglite.close();

  const adminUrl = process.env.TEST_DATABASE_URL || undefined;
  const templateDb = `meeting_rotations_template_${process.pid}`;
  if (adminUrl) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${templateDb} with (force)`);
    await admin.unsafe(`create database ${templateDb}`);
    await admin.end();
    const template = await openDatabase({ kind: "postgres", url: withDatabaseName(adminUrl, templateDb) });
    await migrateDatabase(template);
    await template.close();
  }
  project.provide("postgresAdminUrl", adminUrl ?? "");
  project.provide("testDataDir", runDir);
  project.provide("postgresTemplateDb", templateDb);

  return async () => {
    rmSync(runDir, { recursive: true, force: true });
    if (adminUrl) {
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${templateDb} with (force)`);
      await admin.end();
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    testDataDir: string;
    postgresTemplateDb: string;
  }
}

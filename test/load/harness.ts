import path from "node:path";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createApiToken } from "@/lib/server/use-cases/create-api-token";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { withDatabaseName } from "@/test/database-url";
import { ALWAYS_WORKING, actorFor, insertAdmin, insertContact, insertUser } from "@/test/factories";
import { startNextProcess, stopNextProcess, type NextProcess } from "@/test/next-process";

/*
 * What the load and fault runs share, whether vitest or a bench script drives them: a
 * PostgreSQL database of their own, a fixture seeded through the use cases, real `next start`
 * instances on it, and the two ways of hurting PostgreSQL without touching anyone else's
 * databases on the same server.
 */

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test";

/** The server benchmarks run on: BENCH_DATABASE_URL, else DATABASE_URL's server, else the local one. */
export function benchAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
}

export interface LoadDatabase {
  name: string;
  url: string;
  /** A connection to the server's other database, for faults and checks that must outlive ours. */
  admin: postgres.Sql;
  dispose(): Promise<void>;
}

/** A fresh database: cloned from a migrated template when given (tests), else created and migrated. */
export async function createLoadDatabase(adminUrl: string, template?: string): Promise<LoadDatabase> {
  const name = `load_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  const url = withDatabaseName(adminUrl, name);
  if (!template) {
    const handle = await openDatabase({ kind: "postgres", url, poolSize: 1 });
    await migrateDatabase(handle).finally(() => handle.close());
  }
  return {
    name,
    url,
    admin,
    dispose: async () => {
      await admin.unsafe(`alter database ${name} allow_connections true`).catch(() => {});
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface LoadRotation {
  id: string;
  memberIds: string[];
}

export interface LoadFixture {
  /** An admin's personal API token: admins may book through rotations and switch members' availability. */
  token: string;
  /** A rotation member's token: no admin, no permission to book for others. */
  memberToken: string;
  contactId: string;
  rotations: Record<string, LoadRotation>;
}

/**
 * An admin who books, one contact, and one rotation per entry of `rotations` (key → number
 * of members). Members work around the clock in UTC, so every slot is inside working hours.
 */
export async function seedLoadFixture(url: string, rotations: Record<string, number>): Promise<LoadFixture> {
  const handle = await openDatabase({ kind: "postgres", url, poolSize: 2 });
  try {
    const { db } = handle;
    const admin = await actorFor(db, (await insertAdmin(db, { id: "load_admin", name: "Load Admin", workingHours: ALWAYS_WORKING })).id);
    const contactId = await insertContact(db);
    const seeded: Record<string, LoadRotation> = {};
    for (const [key, size] of Object.entries(rotations)) {
      const memberIds: string[] = [];
      for (let i = 0; i < size; i++) {
        const id = `${key}_${String(i + 1).padStart(2, "0")}`;
        memberIds.push((await insertUser(db, { id, name: id, workingHours: ALWAYS_WORKING })).id);
      }
      const created = await createRotation(db, admin, { name: `Load ${key}`, userIds: memberIds });
      if (!created.ok) throw new Error(created.error.message);
      seeded[key] = { id: created.value.rotationId, memberIds };
    }
    const token = await createApiToken(db, admin, { name: "Load test" });
    if (!token.ok) throw new Error(token.error.message);
    const firstMember = Object.values(seeded)[0]?.memberIds[0];
    if (!firstMember) throw new Error("no rotation member");
    const memberToken = await createApiToken(db, await actorFor(db, firstMember), { name: "Load test" });
    if (!memberToken.ok) throw new Error(memberToken.error.message);
    return { token: token.value.token, memberToken: memberToken.value.token, contactId, rotations: seeded };
  } finally {
    await handle.close();
  }
}

export interface AppInstance {
  baseUrl: string;
  /** Server log lines that mean a bug or a driver fault: "API: unexpected error", uncaught exceptions. */
  alarms: string[];
  /** The same process is still serving: it has neither exited nor been restarted. */
  running(): boolean;
  stop(): Promise<void>;
}

const ALARM = /API: unexpected error|uncaughtException|unhandledRejection|TypeError/;

/** `count` instances of the built app (`next start`, production) sharing one PostgreSQL database. */
export async function startInstances(url: string, count: number, poolSize = 10, extraEnv: Record<string, string> = {}): Promise<AppInstance[]> {
  const env = {
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: String(poolSize),
    DATA_DIR: path.join(process.cwd(), ".test-data", "load-unused"),
    ...extraEnv,
  };
  const started = await Promise.allSettled(Array.from({ length: count }, () => startNextProcess(env, [])));
  const running = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failure = started.find((s) => s.status === "rejected");
  if (failure) {
    await Promise.all(running.map(stopNextProcess));
    throw failure.reason;
  }
  return running.map((next: NextProcess) => {
    const alarms: string[] = [];
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      if (ALARM.test(text) && alarms.length < 50) alarms.push(text.slice(0, 1500));
    };
    next.child.stdout?.on("data", keep);
    next.child.stderr?.on("data", keep);
    return {
      baseUrl: `http://127.0.0.1:${next.port}`,
      alarms,
      running: () => next.child.exitCode === null && next.child.signalCode === null,
      stop: () => stopNextProcess(next),
    };
  });
}

/** Ends every session on the database (what a PostgreSQL restart does to the app's pool). */
export async function terminateBackends(db: LoadDatabase): Promise<number> {
  const [row] = await db.admin<{ n: number }[]>`
    select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
    where datname = ${db.name} and pid <> pg_backend_pid()`;
  return row?.n ?? 0;
}

/**
 * An outage of this database alone: new connections are refused (FATAL 55000, as PostgreSQL
 * refuses them while it starts or shuts down) and the open ones are ended. Other databases on
 * the server, other test runs included, are untouched.
 */
export async function beginOutage(db: LoadDatabase): Promise<void> {
  await db.admin.unsafe(`alter database ${db.name} allow_connections false`);
  await terminateBackends(db);
}

export async function endOutage(db: LoadDatabase): Promise<void> {
  await db.admin.unsafe(`alter database ${db.name} allow_connections true`);
}

/** Midnight UTC, `days` from now: the first slot of a run, always in the future and inside the booking horizon. */
export function firstSlot(days = 1): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days);
}

export const HALF_HOUR_MS = 30 * 60_000;

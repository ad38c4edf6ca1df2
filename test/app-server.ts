import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Database, type DatabaseConfig, type DatabaseKind } from "@/db/client";
import { contacts, meetings, rotations, users } from "@/db/schema";
import { seedDemoData } from "@/lib/server/demo/demo";
import { loadActor } from "@/lib/server/actor";
import { createApiToken } from "@/lib/server/use-cases/create-api-token";
import { revokeApiToken } from "@/lib/server/use-cases/revoke-api-token";
import { withDatabaseName } from "./database-url";
import { insertUser } from "./factories";
import { assertBuilt, startNextProcess, stopNextProcess, type NextProcess } from "./next-process";

/*
 * The real production server (`next start`) on a database of its own, for contract tests
 * that go through HTTP. The demo organisation is seeded first, plus personal API tokens
 * made through the use case, so tests start from what a real installation looks like.
 */

export const DEMO = {
  password: "rotations-demo",
  admin: { id: "usr_morgan", email: "morgan@acme.test" },
  rep: { id: "usr_james", email: "james@acme.test" },
  repWithoutPermission: { id: "usr_daniel", email: "daniel@acme.test" },
} as const;

export type Caller = "admin" | "rep" | "repWithoutPermission" | "inactive" | "revoked";

export interface SeedFacts {
  rotationIds: { emea: string; support: string };
  contactIds: string[];
  /** Meetings the demo booked (by the rep), not deleted. */
  meetingIds: string[];
  /** The demo's rotation bookings: each host is busy at that time. */
  rotationMeetings: Array<{ rotationId: string; hostUserId: string; start: string }>;
  tokens: Record<Caller, string>;
}

export interface AppServer {
  kind: DatabaseKind;
  facts: SeedFacts;
  url(pathAndQuery: string): string;
  baseUrl(): string;
  /** Runs `fn` on the server's database. On PGlite (one process per directory) the server is stopped meanwhile. */
  withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** What the server printed lately. */
  output(): string;
  /** Lines the API logged for bugs or for values only the database refused, since the start. */
  problems(): string[];
  stop(): Promise<void>;
}

async function seed(db: Database): Promise<SeedFacts> {
  await seedDemoData(db, new Date());
  const [emea] = await db.select({ id: rotations.id }).from(rotations).where(eq(rotations.name, "EMEA inbound demos"));
  const [support] = await db.select({ id: rotations.id }).from(rotations).where(eq(rotations.name, "Support escalations"));
  if (!emea || !support) throw new Error("demo rotations missing");
  const contactRows = await db.select({ id: contacts.id }).from(contacts).orderBy(contacts.createdAt, contacts.id);
  const meetingRows = await db
    .select({ id: meetings.id, rotationId: meetings.rotationId, hostUserId: meetings.hostUserId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.bookedByUserId, DEMO.rep.id));
  await insertUser(db, { id: "usr_gone", name: "Former Rep", active: false, canScheduleForOthers: true });

  const tokenFor = async (userId: string, name: string) => {
    // Made as an active user; the inactive one is switched off afterwards, as happens to people who leave.
    if (userId === "usr_gone") await db.update(users).set({ active: true }).where(eq(users.id, userId));
    const actor = await loadActor(db, userId);
    if (!actor) throw new Error(`no actor ${userId}`);
    const created = await createApiToken(db, actor, { name });
    if (!created.ok) throw new Error(created.error.message);
    if (userId === "usr_gone") await db.update(users).set({ active: false }).where(eq(users.id, userId));
    return { token: created.value.token, id: created.value.id, actor };
  };
  const admin = await tokenFor(DEMO.admin.id, "Contract tests");
  const rep = await tokenFor(DEMO.rep.id, "Contract tests");
  const repWithoutPermission = await tokenFor(DEMO.repWithoutPermission.id, "Contract tests");
  const inactive = await tokenFor("usr_gone", "Old script");
  const revoked = await tokenFor(DEMO.rep.id, "Revoked script");
  const revocation = await revokeApiToken(db, revoked.actor, revoked.id);
  if (!revocation.ok) throw new Error(revocation.error.message);

  return {
    rotationIds: { emea: emea.id, support: support.id },
    contactIds: contactRows.map((c) => c.id),
    meetingIds: meetingRows.map((m) => m.id),
    rotationMeetings: meetingRows.flatMap((m) => (m.rotationId ? [{ rotationId: m.rotationId, hostUserId: m.hostUserId, start: m.startsAt.toISOString() }] : [])),
    tokens: { admin: admin.token, rep: rep.token, repWithoutPermission: repWithoutPermission.token, inactive: inactive.token, revoked: revoked.token },
  };
}

/** Starts the built app on a freshly seeded database of the given kind. */
export async function startAppServer(kind: DatabaseKind): Promise<AppServer> {
  assertBuilt();
  const name = `api_${randomUUID().replaceAll("-", "")}`;
  let config: DatabaseConfig;
  let serverEnv: Record<string, string>;
  let dispose: () => Promise<void>;
  if (kind === "pglite") {
    const dataDir = path.join(inject("testDataDir"), name);
    // The app reads DATA_DIR/pglite (db/config.ts).
    cpSync(path.join(inject("testDataDir"), "template"), path.join(dataDir, "pglite"), { recursive: true });
    config = { kind, dataDir: path.join(dataDir, "pglite") };
    serverEnv = { DATA_DIR: dataDir, DATABASE_URL: "" };
    dispose = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    const adminUrl = inject("postgresAdminUrl");
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject("postgresTemplateDb")}`);
    const url = withDatabaseName(adminUrl, name);
    config = { kind, url, poolSize: 5 };
    serverEnv = { DATABASE_URL: url, DATABASE_POOL_SIZE: "5", DATA_DIR: path.join(inject("testDataDir"), name) };
    dispose = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }

  const seeding = await openDatabase(config);
  const facts = await seed(seeding.db).finally(() => seeding.close());

  let running: NextProcess | undefined;
  const problems: string[] = [];
  const start = async () => {
    running = await startNextProcess(serverEnv, problems);
  };
  const current = () => {
    if (!running) throw new Error("the app server is not running");
    return running;
  };
  await start();

  return {
    kind,
    facts,
    baseUrl: () => `http://127.0.0.1:${current().port}`,
    url: (pathAndQuery) => `http://127.0.0.1:${current().port}${pathAndQuery}`,
    output: () => running?.output.join("") ?? "",
    problems: () => [...problems],
    async withDatabase(fn) {
      if (kind === "postgres") {
        const handle = await openDatabase({ ...config, poolSize: 1 } as DatabaseConfig);
        return fn(handle.db).finally(() => handle.close());
      }
      await stopNextProcess(current());
      running = undefined;
      const handle = await openDatabase(config);
      try {
        return await fn(handle.db);
      } finally {
        await handle.close();
        await start();
      }
    },
    async stop() {
      if (running) await stopNextProcess(running);
      running = undefined;
      await dispose();
    },
  };
}

/**
 * Starts the app for the enclosing describe block and stops it afterwards. `onStart` runs
 * once the server answers (e.g. to sign in before a "before" picture of the database).
 */
export function useAppServer(kind: DatabaseKind, onStart?: (app: AppServer) => Promise<void>): () => AppServer {
  let app: AppServer | undefined;
  beforeAll(async () => {
    app = await startAppServer(kind);
    await onStart?.(app);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error("app server not started");
    return app;
  };
}

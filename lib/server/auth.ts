import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { env } from "@/lib/env";
import { authSecret } from "./auth-secret";
import { getDb } from "./db";

async function createAuth() {
  const db = await getDb();
  return betterAuth({
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    secret: authSecret(),
    baseURL: env().BETTER_AUTH_URL,
    // Admins create people in settings; nobody signs themselves up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Sign-in is limited by the app itself (lib/server/sign-in-limit.ts), in the database and
    // on every path to it; better-auth's own limiter is per process and trusts X-Forwarded-For.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: "error" },
    plugins: [nextCookies()],
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const globalForAuth = globalThis as unknown as { meetingRotationsAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  if (!globalForAuth.meetingRotationsAuth) {
    globalForAuth.meetingRotationsAuth = createAuth().catch((error: unknown) => {
      globalForAuth.meetingRotationsAuth = undefined;
      throw error;
    });
  }
  return globalForAuth.meetingRotationsAuth;
}

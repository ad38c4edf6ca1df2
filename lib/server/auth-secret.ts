import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, isEmbeddedDatabase } from "@/lib/env";

/**
 * The secret that signs session cookies. Deployments set BETTER_AUTH_SECRET (every app
 * instance must share it). With the embedded database — one machine, one process — a
 * random secret is made on first start and kept beside the data, so nobody has to invent
 * one to try the app.
 */
export function authSecret(): string {
  const { BETTER_AUTH_SECRET, DATA_DIR, NODE_ENV } = env();
  if (BETTER_AUTH_SECRET) return BETTER_AUTH_SECRET;
  if (!isEmbeddedDatabase() && NODE_ENV === "production") {
    throw new Error("BETTER_AUTH_SECRET must be set when DATABASE_URL is set (all app instances share it).");
  }
  const file = path.join(DATA_DIR, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(DATA_DIR, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    // `wx` fails if another process wrote it first; then read theirs.
    try {
      writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim();
    }
  }
}

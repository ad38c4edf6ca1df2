import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * A random secret made on first use and kept in DATA_DIR, for the embedded database only
 * (one machine, one process): nobody has to invent one to try the app. Deployments with
 * several instances set their secrets in the environment instead.
 */
export function dataDirSecret(fileName: string, bytes = 32): string {
  const { DATA_DIR } = env();
  const file = path.join(DATA_DIR, fileName);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(DATA_DIR, { recursive: true });
    const secret = randomBytes(bytes).toString("hex");
    // `wx` fails if another process wrote it first; then read theirs.
    try {
      writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim();
    }
  }
}

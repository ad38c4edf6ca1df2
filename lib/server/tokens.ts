import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets handed to people (API tokens, calendar feed URLs). Only their SHA-256 is stored:
 * they are long random strings, so a plain hash is enough (no salt or slow hash needed),
 * and it lets a request's token be looked up by equality.
 */
export function generateToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

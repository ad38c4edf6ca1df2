import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env, isEmbeddedDatabase } from "@/lib/env";
import { dataDirSecret } from "@/lib/server/data-dir-secret";

// AES-256-GCM: confidentiality and integrity in one; a 96-bit random nonce per secret.
const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";

function encryptionKey(): Buffer {
  const { CALENDAR_ENCRYPTION_KEY } = env();
  if (CALENDAR_ENCRYPTION_KEY) return Buffer.from(CALENDAR_ENCRYPTION_KEY, "hex");
  // Every instance must decrypt what any other wrote, so only the embedded database may make its own.
  if (!isEmbeddedDatabase()) throw new Error("CALENDAR_ENCRYPTION_KEY must be set when DATABASE_URL is set.");
  return Buffer.from(dataDirSecret("calendar-key"), "hex");
}

/**
 * Seals a secret for storage. `context` (the owner's user id) is authenticated with it, so
 * a ciphertext copied onto another user's row does not decrypt.
 */
export function sealSecret(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, encryptionKey(), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

export function openSecret(sealed: string, context: string): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unknown secret format.");
  const decipher = createDecipheriv(ALGORITHM, encryptionKey(), Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}

import "server-only";
import { env, isEmbeddedDatabase } from "@/lib/env";
import { dataDirSecret } from "./data-dir-secret";

/**
 * The secret that signs session cookies. Deployments set BETTER_AUTH_SECRET (every app
 * instance must share it); with the embedded database one is made and kept beside the data.
 */
export function authSecret(): string {
  const { BETTER_AUTH_SECRET, NODE_ENV } = env();
  if (BETTER_AUTH_SECRET) return BETTER_AUTH_SECRET;
  if (!isEmbeddedDatabase() && NODE_ENV === "production") {
    throw new Error("BETTER_AUTH_SECRET must be set when DATABASE_URL is set (all app instances share it).");
  }
  return dataDirSecret("auth-secret");
}

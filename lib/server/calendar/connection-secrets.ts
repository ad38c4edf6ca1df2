import "server-only";
import type { calendarConnections } from "@/db/schema";
import type { CalDavCredentials } from "./remote/caldav";
import { openSecret, sealSecret } from "./secret-box";

type Connection = Pick<typeof calendarConnections.$inferSelect, "userId" | "serverUrl" | "username" | "secretCiphertext">;

/** The sealed part of a connection: a CalDAV password, or a whole iCal address. */
export function sealConnectionSecret(userId: string, secret: string): string {
  return sealSecret(secret, userId);
}

export function caldavCredentials(connection: Connection): CalDavCredentials {
  return { serverUrl: connection.serverUrl, username: connection.username ?? "", password: openSecret(connection.secretCiphertext, connection.userId) };
}

export function icalAddress(connection: Connection): string {
  return openSecret(connection.secretCiphertext, connection.userId);
}

import type { AppServer, Caller } from "./app-server";
import { DEMO } from "./app-server";

/** Who a request claims to be: a seeded token, nobody, or raw headers (an Authorization value, a session cookie, or both). */
export type Credentials = Caller | "none" | { authorization?: string; cookie?: string };

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface RequestOptions {
  as?: Credentials;
  /** A value to send as JSON, or a raw string sent as is. */
  body?: unknown;
  rawBody?: string;
  contentType?: string | null;
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

function authHeaders(server: AppServer, as: Credentials): Record<string, string> {
  if (as === "none") return {};
  if (typeof as === "string") return { authorization: `Bearer ${server.facts.tokens[as]}` };
  return { ...(as.authorization === undefined ? {} : { authorization: as.authorization }), ...(as.cookie === undefined ? {} : { cookie: as.cookie }) };
}

export async function api(server: AppServer, method: string, pathAndQuery: string, options: RequestOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: "application/json", ...authHeaders(server, options.as ?? "rep"), ...options.headers };
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const contentType = options.contentType === undefined ? (body === undefined ? null : "application/json") : options.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  const response = await fetch(server.url(pathAndQuery), { method, headers, body, redirect: "manual" });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Signs in through better-auth's own endpoint, as the browser does, and returns the session cookie. */
export async function signIn(server: AppServer, email: string = DEMO.rep.email): Promise<{ cookie: string }> {
  const response = await fetch(server.url("/api/auth/sign-in/email"), {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl() },
    body: JSON.stringify({ email, password: DEMO.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie };
}

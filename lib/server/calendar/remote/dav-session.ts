import "server-only";
import { CalendarAccessError, errorForFetchFailure, errorForStatus } from "./errors";
import { allowPrivateCalendarHosts, checkCalendarUrl } from "./safe-url";

export interface CalDavCredentials {
  serverUrl: string;
  username: string;
  password: string;
}

const defaultTimeoutMs = 15_000;
const maxRedirects = 3;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * One CalDAV operation's view of the network. tsdav makes several requests per call (discovery
 * alone tries well-known, principal, home set) and swallows some failures to try the next
 * candidate, so the session is handed to tsdav as its `fetch` and keeps what tsdav loses:
 *  - every request gets Basic auth and its own timeout, and every host is checked like the
 *    address the user typed (a redirect or a discovered home set can point anywhere);
 *  - the first network failure or refused password ends the whole operation, so a silent
 *    server costs one timeout rather than one per candidate URL;
 *  - the last HTTP status is remembered, to explain tsdav's generic "cannot find homeUrl".
 */
export class DavSession {
  private failure: CalendarAccessError | null = null;
  private lastStatus: number | null = null;
  private readonly checkedOrigins = new Set<string>();
  private readonly authorization: string;
  private readonly allowPrivateHosts = allowPrivateCalendarHosts();

  private constructor(
    readonly serverUrl: URL,
    credentials: CalDavCredentials,
    readonly timeoutMs: number,
  ) {
    this.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
    this.checkedOrigins.add(serverUrl.origin);
  }

  static async open(credentials: CalDavCredentials, options: { timeoutMs?: number } = {}): Promise<DavSession> {
    const serverUrl = await checkCalendarUrl(credentials.serverUrl, { allowPrivateHosts: allowPrivateCalendarHosts() });
    return new DavSession(serverUrl, credentials, options.timeoutMs ?? defaultTimeoutMs);
  }

  get host(): string {
    return this.serverUrl.host;
  }

  /** Runs tsdav calls (or our own) and turns whatever they throw into the user's words. */
  async run<T>(work: (fetch: typeof globalThis.fetch) => Promise<T>): Promise<T> {
    try {
      return await work(this.fetch);
    } catch (error) {
      throw this.explain(error);
    }
  }

  /** The error for a response we read ourselves; `fallback` when the status has no name of its own. */
  statusError(status: number, fallback: string): CalendarAccessError {
    return errorForStatus(status, this.host) ?? new CalendarAccessError("server_error", fallback, status);
  }

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (this.failure) throw this.failure;
    let target = new URL(input instanceof Request ? input.url : input.toString());
    const headers = new Headers(init.headers);
    headers.set("authorization", this.authorization);
    try {
      for (let hop = 0; ; hop++) {
        await this.checkOrigin(target);
        const response = await fetch(target, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(this.timeoutMs) });
        this.lastStatus = response.status;
        if (response.status === 401) {
          await response.body?.cancel();
          throw new CalendarAccessError("auth_failed", `The server refused the username or password (401).`, 401);
        }
        const location = response.headers.get("location");
        // tsdav's well-known discovery asks for redirects itself; any other request follows
        // a few, on the same origin only, so the password never travels to another host.
        const follow = init.redirect !== "manual" && redirectStatuses.has(response.status) && location && hop < maxRedirects;
        const next = follow ? new URL(location, target) : null;
        if (!next || next.origin !== target.origin) return response;
        await response.body?.cancel();
        target = next;
      }
    } catch (error) {
      this.failure = errorForFetchFailure(error, target.host, this.timeoutMs);
      throw this.failure;
    }
  };

  private async checkOrigin(target: URL) {
    if (this.checkedOrigins.has(target.origin)) return;
    await checkCalendarUrl(target.href, { allowPrivateHosts: this.allowPrivateHosts });
    this.checkedOrigins.add(target.origin);
  }

  private explain(error: unknown): CalendarAccessError {
    if (error instanceof CalendarAccessError) return error;
    if (this.failure) return this.failure;
    const name = (error as { name?: string } | null)?.name;
    // A body read that outlives the request's signal rejects outside our fetch.
    if (name === "TimeoutError" || name === "AbortError" || (error instanceof TypeError && error.cause)) {
      return errorForFetchFailure(error, this.host, this.timeoutMs);
    }
    const status = this.lastStatus;
    const named = status !== null && status >= 400 ? errorForStatus(status, this.host) : null;
    return named ?? new CalendarAccessError("not_calendar", `${this.host} does not answer like a CalDAV server.`, status ?? undefined);
  }
}

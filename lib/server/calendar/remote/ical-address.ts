import "server-only";
import { CalendarAccessError, errorForFetchFailure, errorForStatus, timeoutError } from "./errors";
import { allowPrivateCalendarHosts, checkCalendarUrl } from "./safe-url";

export interface IcalFetchState {
  etag: string | null;
  lastModified: string | null;
}

export type IcalFetchResult = { changed: false } | { changed: true; ics: string; state: IcalFetchState };

const defaultMaxBytes = 20 * 1024 * 1024;
const defaultTimeoutMs = 15_000;
const maxRedirects = 3;

/**
 * Reads a published iCal address (Google's and Outlook's "secret address" of a calendar). The
 * address is the user's, so every hop is checked like the first, and the whole exchange —
 * redirects and body included — fits in one deadline and one size limit.
 */
export async function fetchIcalAddress(
  url: string,
  previous: IcalFetchState | null,
  options: { maxBytes?: number; timeoutMs?: number; allowPrivateHosts?: boolean } = {},
): Promise<IcalFetchResult> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const allowPrivateHosts = options.allowPrivateHosts ?? allowPrivateCalendarHosts();
  const signal = AbortSignal.timeout(timeoutMs);

  let target = await checkCalendarUrl(url.trim().replace(/^webcals?:\/\//i, "https://"), { allowPrivateHosts });
  for (let redirects = 0; ; redirects++) {
    const response = await request(target, previous, signal, timeoutMs);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.body?.cancel();
      if (redirects === maxRedirects) {
        throw new CalendarAccessError("server_error", `${target.host} redirected more than ${maxRedirects} times.`, response.status);
      }
      // A public address must not bounce the server onto a private one.
      target = await checkCalendarUrl(new URL(location, target).href, { allowPrivateHosts });
      continue;
    }
    if (response.status === 304 && previous) return { changed: false };
    if (!response.ok) {
      await response.body?.cancel();
      throw errorForStatus(response.status, target.host) ?? new CalendarAccessError("server_error", `${target.host} answered ${response.status}.`, response.status);
    }
    const ics = await readCalendarBody(response, { maxBytes, host: target.host, timeoutMs });
    return {
      changed: true,
      ics,
      state: { etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") },
    };
  }
}

async function request(target: URL, previous: IcalFetchState | null, signal: AbortSignal, timeoutMs: number): Promise<Response> {
  const headers = new Headers({ accept: "text/calendar, */*;q=0.5" });
  if (previous?.etag) headers.set("if-none-match", previous.etag);
  if (previous?.lastModified) headers.set("if-modified-since", previous.lastModified);
  try {
    return await fetch(target, { headers, signal, redirect: "manual" });
  } catch (error) {
    throw errorForFetchFailure(error, target.host, timeoutMs);
  }
}

const calendarStart = "BEGIN:VCALENDAR";
const formatNotice = () => new CalendarAccessError("not_calendar", "The address is not an iCalendar file.");

/** Reads at most maxBytes, and gives up on the first bytes when they are not iCalendar. */
async function readCalendarBody(response: Response, limits: { maxBytes: number; host: string; timeoutMs: number }): Promise<string> {
  const tooLarge = () => new CalendarAccessError("too_large", `The feed is larger than ${formatSize(limits.maxBytes)}.`);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) throw formatNotice();

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let checkedStart = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) throw tooLarge();
      chunks.push(value);
      if (!checkedStart) {
        const head = withoutLeadingSpace(decode(chunks));
        checkedStart = head.length >= calendarStart.length;
        if (checkedStart && !startsLikeCalendar(head)) throw formatNotice();
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof CalendarAccessError) throw error;
    const name = (error as { name?: string } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError") throw timeoutError(limits.host, limits.timeoutMs);
    throw errorForFetchFailure(error, limits.host, limits.timeoutMs);
  }
  const text = decode(chunks);
  if (!startsLikeCalendar(text)) throw formatNotice();
  return text;
}

function decode(chunks: Uint8Array[]): string {
  return Buffer.concat(chunks).toString("utf8");
}

function withoutLeadingSpace(text: string): string {
  return text.replace(/^\uFEFF/, "").trimStart();
}

function startsLikeCalendar(text: string): boolean {
  return withoutLeadingSpace(text).slice(0, calendarStart.length).toUpperCase() === calendarStart;
}

function formatSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Math.round(megabytes)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

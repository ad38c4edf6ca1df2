import "server-only";
import { calendarMultiGet, calendarQuery, createAccount, propfind, syncCollection, type DAVResponse } from "tsdav";
import { CalendarAccessError } from "./errors";
import { DavSession, type CalDavCredentials } from "./dav-session";

export type { CalDavCredentials } from "./dav-session";

export interface DiscoveredCalendar {
  url: string;
  displayName: string;
}

/** What the last fetch saw; etags by href are kept for servers without sync-collection. */
export interface CalDavSyncState {
  syncToken: string | null;
  ctag: string | null;
  etags: Record<string, string>;
}

export interface CalDavChanges {
  changed: Array<{ href: string; etag: string | null; ics: string }>;
  removed: string[];
  state: CalDavSyncState;
  /** True when `changed` is the whole calendar: whatever the caller held and is not in it is gone. */
  full: boolean;
}

type Options = { timeoutMs?: number };

/** The user's calendars that can hold events (a tasks-only list cannot show busy time). */
export async function discoverCalendars(credentials: CalDavCredentials, options: Options = {}): Promise<DiscoveredCalendar[]> {
  const session = await DavSession.open(credentials, options);
  return session.run(async (fetch) => {
    const account = await createAccount({ account: { serverUrl: session.serverUrl.href, accountType: "caldav" }, fetch });
    const homeUrl = account.homeUrl ?? session.serverUrl.href;
    const responses = await propfind({
      url: homeUrl,
      props: { "d:displayname": {}, "d:resourcetype": {}, "c:supported-calendar-component-set": {} },
      depth: "1",
      fetch,
    });
    return responses
      .filter((response) => response.ok && response.href && isCalendar(response) && holdsEvents(response))
      .map((response) => {
        const url = new URL(response.href ?? "", homeUrl).href;
        return { url, displayName: text(response.props?.displayname) ?? lastSegment(url) };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
}

export async function fetchCalendarChanges(
  credentials: CalDavCredentials,
  calendarUrl: string,
  previous: CalDavSyncState | null,
  options: Options = {},
): Promise<CalDavChanges> {
  const session = await DavSession.open(credentials, options);
  const url = withTrailingSlash(new URL(calendarUrl, session.serverUrl).href);
  return session.run(async (fetch) => {
    // With a sync token, one sync-collection request says what changed and gives the next
    // token, consistent with each other. No PROPFIND first: servers such as Radicale compute
    // the ctag and token by reading the whole collection (0.65 s for 5,000 events).
    if (previous?.syncToken) {
      const sync = await syncChanges(fetch, url, previous.syncToken);
      if (sync) {
        const current = { syncToken: sync.syncToken ?? previous.syncToken, ctag: previous.ctag };
        if (sync.changedHrefs.length === 0 && sync.removedHrefs.length === 0) return unchanged(previous, current);
        return incremental(previous, current, await fetchObjects(fetch, url, sync.changedHrefs), sync.removedHrefs);
      }
      // The server forgot our token (expired or reset): start over below.
    }
    // Read the collection's token and ctag before its contents: a change landing in between
    // then shows up again next time instead of being skipped.
    const [collection] = await propfind({ url, props: { "d:resourcetype": {}, "cs:getctag": {}, "d:sync-token": {} }, depth: "0", fetch });
    if (!collection?.ok) throw session.statusError(collection?.status ?? 0, `${session.host} could not list that calendar.`);
    if (!isCalendar(collection)) throw new CalendarAccessError("not_calendar", "That address is not a calendar.");
    const current = { syncToken: text(collection.props?.syncToken) ?? null, ctag: text(collection.props?.getctag) ?? null };

    if (previous && !previous.syncToken) {
      if (previous.ctag && previous.ctag === current.ctag) return unchanged(previous, current);
      const etags = await listEventEtags(fetch, url);
      const changedHrefs = Object.keys(etags).filter((href) => previous.etags[href] !== etags[href]);
      const removed = Object.keys(previous.etags).filter((href) => !(href in etags));
      return incremental(previous, current, await fetchObjects(fetch, url, changedHrefs), removed);
    }
    const responses = await calendarQuery({ url, props: objectProps, filters: eventFilter, depth: "1", fetch });
    const changed = responses.flatMap(toEvent);
    const etags = Object.fromEntries(changed.map((event) => [event.href, event.etag ?? ""]));
    return { changed, removed: [], state: { ...current, etags }, full: true };
  });
}

/**
 * PUT {calendarUrl}{uid}.ics without If-Match or If-None-Match: the href follows from the UID,
 * so a retry after a lost answer overwrites the first copy instead of adding a second.
 */
export async function putCalendarEvent(credentials: CalDavCredentials, calendarUrl: string, uid: string, ics: string, options: Options = {}): Promise<void> {
  const session = await DavSession.open(credentials, options);
  await session.run(async (fetch) => {
    const response = await fetch(eventUrl(calendarUrl, uid, session), {
      method: "PUT",
      headers: { "content-type": "text/calendar; charset=utf-8" },
      body: ics,
    });
    await response.body?.cancel();
    if (response.ok) return;
    // 409: the collection the event would go into does not exist (any more).
    if (response.status === 409) throw new CalendarAccessError("not_found", "The calendar no longer exists on the server.", 409);
    throw session.statusError(response.status, `The calendar server refused the event (${response.status}).`);
  });
}

/** Removing what is already gone is success: a retried delete must not fail forever. */
export async function deleteCalendarEvent(credentials: CalDavCredentials, calendarUrl: string, uid: string, options: Options = {}): Promise<void> {
  const session = await DavSession.open(credentials, options);
  await session.run(async (fetch) => {
    const response = await fetch(eventUrl(calendarUrl, uid, session), { method: "DELETE" });
    await response.body?.cancel();
    if (response.ok || response.status === 404 || response.status === 410) return;
    throw session.statusError(response.status, `The calendar server refused to delete the event (${response.status}).`);
  });
}

const objectProps = { "d:getetag": {}, "c:calendar-data": {} };
const eventFilter = { "comp-filter": { _attributes: { name: "VCALENDAR" }, "comp-filter": { _attributes: { name: "VEVENT" } } } };
const multiGetBatch = 100;

/** WebDAV sync-collection (RFC 6578); null when the server refuses the token. */
async function syncChanges(fetch: typeof globalThis.fetch, url: string, syncToken: string) {
  const responses = await syncCollection({ url, props: { "d:getetag": {} }, syncLevel: 1, syncToken, fetch });
  const whole = responses.length === 1 && typeof responses[0]?.raw === "string" ? responses[0] : null;
  if (whole && !whole.ok) {
    if ((whole.status === 403 || whole.status === 409) && /valid-sync-token/.test(whole.raw)) return null;
    throw new CalendarAccessError("server_error", `The calendar server could not list changes (${whole.status}).`, whole.status);
  }
  const members = responses.filter((response) => response.href && withTrailingSlash(new URL(response.href, url).href) !== url);
  return {
    syncToken: text(responses[0]?.raw?.multistatus?.syncToken) ?? null,
    changedHrefs: members.filter((response) => response.ok).map((response) => response.href ?? ""),
    removedHrefs: members.filter((response) => response.status === 404 || response.status === 410).map((response) => response.href ?? ""),
  };
}

async function listEventEtags(fetch: typeof globalThis.fetch, url: string): Promise<Record<string, string>> {
  const responses = await calendarQuery({ url, props: { "d:getetag": {} }, filters: eventFilter, depth: "1", fetch });
  return Object.fromEntries(responses.filter((response) => response.href).map((response) => [response.href ?? "", text(response.props?.getetag) ?? ""]));
}

async function fetchObjects(fetch: typeof globalThis.fetch, url: string, hrefs: string[]) {
  const responses: DAVResponse[] = [];
  for (let start = 0; start < hrefs.length; start += multiGetBatch) {
    const objectUrls = hrefs.slice(start, start + multiGetBatch);
    responses.push(...(await calendarMultiGet({ url, props: objectProps, objectUrls, depth: "1", fetch })));
  }
  const events = responses.flatMap(toEvent);
  // An href that changed into something other than an event (a task) is gone as far as busy time goes.
  const notEvents = hrefs.filter((href) => !events.some((event) => event.href === href));
  return { events, notEvents };
}

function incremental(
  previous: CalDavSyncState,
  current: Omit<CalDavSyncState, "etags">,
  fetched: Awaited<ReturnType<typeof fetchObjects>>,
  removedHrefs: string[],
): CalDavChanges {
  const removed = [...new Set([...removedHrefs, ...fetched.notEvents])];
  const etags = { ...previous.etags };
  for (const href of removed) delete etags[href];
  for (const event of fetched.events) etags[event.href] = event.etag ?? "";
  return { changed: fetched.events, removed, state: { ...current, etags }, full: false };
}

function unchanged(previous: CalDavSyncState, current: Omit<CalDavSyncState, "etags">): CalDavChanges {
  return { changed: [], removed: [], state: { ...current, etags: previous.etags }, full: false };
}

function toEvent(response: DAVResponse): Array<{ href: string; etag: string | null; ics: string }> {
  const ics = text(response.props?.calendarData);
  if (!response.ok || !response.href || !ics || !/BEGIN:VEVENT/i.test(ics)) return [];
  return [{ href: response.href, etag: text(response.props?.getetag) ?? null, ics }];
}

function isCalendar(response: DAVResponse): boolean {
  return Object.keys(response.props?.resourcetype ?? {}).includes("calendar");
}

/** RFC 4791: a calendar without supported-calendar-component-set accepts every component. */
function holdsEvents(response: DAVResponse): boolean {
  const comp: unknown = response.props?.supportedCalendarComponentSet?.comp;
  if (!comp) return true;
  const components = (Array.isArray(comp) ? comp : [comp]) as Array<{ _attributes?: { name?: string } }>;
  return components.some((component) => component._attributes?.name?.toUpperCase() === "VEVENT");
}

/** tsdav's XML parsing gives a string, a number (it converts numeric text) or a CDATA wrapper. */
function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object") {
    const wrapped = value as { _cdata?: unknown; _text?: unknown };
    return text(wrapped._cdata ?? wrapped._text);
  }
  return undefined;
}

function eventUrl(calendarUrl: string, uid: string, session: DavSession): string {
  return new URL(`${encodeURIComponent(uid)}.ics`, withTrailingSlash(new URL(calendarUrl, session.serverUrl).href)).href;
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function lastSegment(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).pop() ?? url);
}

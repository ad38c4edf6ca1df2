import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/*
 * A real CalDAV server (Debian's Radicale) per test file, with its own storage, users and
 * port. restart() keeps the port and the storage, so a test can take the server away and
 * bring it back exactly as a flaky calendar host would.
 */

export interface RadicaleUser {
  username: string;
  password: string;
}

export interface RadicaleServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  calendarUrl(username: string, name: string): string;
  /** MKCALENDAR /username/name/; returns the calendar's URL. */
  createCalendar(username: string, password: string, name: string, displayName?: string): Promise<string>;
  putEvent(username: string, password: string, calendarPath: string, uid: string, ics: string): Promise<void>;
  deleteEvent(username: string, password: string, calendarPath: string, uid: string): Promise<void>;
  /** One UID per stored event resource, so a duplicated event shows up twice. */
  listEventUids(username: string, password: string, calendarPath: string): Promise<string[]>;
  stop(): Promise<void>;
  /** Stops the process and starts it again on the same port with the same storage. */
  restart(): Promise<void>;
  /** Stops the process but keeps port and storage for start(). */
  pause(): Promise<void>;
  start(): Promise<void>;
}

const radicaleBinary = "/usr/bin/radicale";
const startTimeoutMs = 15_000;

// If a test dies before its afterAll, the worker's exit still takes the servers with it.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export async function startRadicale(users: RadicaleUser[]): Promise<RadicaleServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "radicale-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const htpasswd = path.join(dir, "users");
  const config = path.join(dir, "config");
  await writeFile(htpasswd, users.map((user) => `${user.username}:${user.password}\n`).join(""));
  await writeFile(
    config,
    [
      "[server]",
      `hosts = 127.0.0.1:${port}`,
      "[auth]",
      "type = htpasswd",
      `htpasswd_filename = ${htpasswd}`,
      "htpasswd_encryption = plain",
      // Radicale waits a second after each wrong password by default; tests do not need the brake.
      "delay = 0",
      "[rights]",
      "type = owner_only",
      "[storage]",
      `filesystem_folder = ${path.join(dir, "collections")}`,
      "[web]",
      "type = none",
      "[logging]",
      "level = warning",
      "",
    ].join("\n"),
  );

  let child: ChildProcess | null = null;
  let output = "";

  async function start() {
    output = "";
    const radicale = spawn(radicaleBinary, ["--config", config], { stdio: ["ignore", "pipe", "pipe"] });
    child = radicale;
    running.add(radicale);
    radicale.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    radicale.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    radicale.once("exit", () => running.delete(radicale));
    await waitUntilAnswering(url, radicale, () => output);
  }

  async function pause() {
    const radicale = child;
    child = null;
    if (!radicale || radicale.exitCode !== null || radicale.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => radicale.once("exit", () => resolve()));
    radicale.kill("SIGTERM");
    const forced = setTimeout(() => radicale.kill("SIGKILL"), 3_000);
    await exited;
    clearTimeout(forced);
  }

  const auth = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const dav = async (method: string, target: string, user: RadicaleUser, init: { body?: string; headers?: Record<string, string> } = {}) => {
    const response = await fetch(new URL(target, url), {
      method,
      body: init.body,
      headers: { authorization: auth(user.username, user.password), ...init.headers },
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok && response.status !== 404) throw new Error(`Radicale ${method} ${target}: ${response.status} ${text}`);
    return { status: response.status, text };
  };
  const calendarPath = (username: string, name: string) => `/${encodeURIComponent(username)}/${encodeURIComponent(name)}/`;
  const eventPath = (calendar: string, uid: string) => `${calendar.replace(/\/?$/, "/")}${encodeURIComponent(uid)}.ics`;

  await start();

  return {
    url,
    calendarUrl: (username, name) => new URL(calendarPath(username, name), url).href,
    async createCalendar(username, password, name, displayName = name) {
      const body = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop>
    <D:displayname>${escapeXml(displayName)}</D:displayname>
    <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
  </D:prop></D:set>
</C:mkcalendar>`;
      await dav("MKCALENDAR", calendarPath(username, name), { username, password }, { body, headers: { "content-type": "application/xml" } });
      return new URL(calendarPath(username, name), url).href;
    },
    async putEvent(username, password, calendar, uid, ics) {
      await dav("PUT", eventPath(calendar, uid), { username, password }, { body: ics, headers: { "content-type": "text/calendar; charset=utf-8" } });
    },
    async deleteEvent(username, password, calendar, uid) {
      await dav("DELETE", eventPath(calendar, uid), { username, password });
    },
    async listEventUids(username, password, calendar) {
      const listing = await dav("PROPFIND", calendar, { username, password }, { headers: { depth: "1" }, body: '<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>' });
      const hrefs = [...listing.text.matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((match) => match[1] ?? "");
      const uids: string[] = [];
      for (const href of hrefs) {
        const item = await dav("GET", href, { username, password });
        const uid = item.text.match(/^UID:(.*?)\r?$/m)?.[1];
        if (uid) uids.push(uid);
      }
      return uids.sort();
    },
    async stop() {
      await pause();
      await rm(dir, { recursive: true, force: true });
    },
    async restart() {
      await pause();
      await start();
    },
    pause,
    start,
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Radicale exited with ${child.exitCode}: ${output()}`);
    try {
      await fetch(url, { method: "OPTIONS", signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`Radicale did not answer on ${url} within ${startTimeoutMs / 1000} s: ${output()}`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

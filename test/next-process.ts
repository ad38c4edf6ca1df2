import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/*
 * The built app as a child process (`next start`), on a port of 3300–3399, for tests that
 * talk to it over HTTP. Started with node directly so its PID is the server's own.
 */

const ROOT = process.cwd();
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const PORTS = { first: 3300, last: 3399 };
/** Vitest workers run test files side by side; each draws from its own quarter of the range. */
const WORKER_SLICES = 4;
export const TEST_AUTH_SECRET = "contract-tests-secret-0123456789abcdef";

export interface NextProcess {
  child: ChildProcess;
  port: number;
  output: string[];
  /** Next.js logged that its own socket listens: until then, an answer on the port is another server's. */
  listening: boolean;
  /** Set by stopNextProcess, so an exit nobody asked for can be told apart and reported. */
  stopping?: boolean;
}

/** Fails with a clear message when there is no build, or one older than the API routes. */
export function assertBuilt(): void {
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  const rebuild = `run \`npm run build\` first${process.env.NEXT_DIST_DIR ? ` (with NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR})` : ""}.`;
  if (!existsSync(buildId)) {
    throw new Error(`No production build at ${buildId}. These tests start the real app with \`next start\`: ${rebuild}`);
  }
  const manifest = path.join(ROOT, DIST_DIR, "server", "app-paths-manifest.json");
  const routes = existsSync(manifest) ? Object.keys(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>) : [];
  if (!routes.includes("/api/v1/openapi.json/route")) {
    throw new Error(`The build in ${path.join(ROOT, DIST_DIR)} predates the JSON API (no /api/v1 routes): ${rebuild}`);
  }
}

/** What lib/server/api/handler.ts logs when a request reached a bug or a value only PostgreSQL refused. */
const PROBLEM = /API: (unexpected error|database refused a value)/;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function portRange(): { first: number; last: number } {
  const worker = Number(process.env.VITEST_POOL_ID);
  if (!Number.isInteger(worker) || worker < 1) return PORTS;
  const size = Math.floor((PORTS.last - PORTS.first + 1) / WORKER_SLICES);
  const first = PORTS.first + ((worker - 1) % WORKER_SLICES) * size;
  return { first, last: first + size - 1 };
}

async function freePort(): Promise<number> {
  const range = portRange();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = range.first + Math.floor(Math.random() * (range.last - range.first + 1));
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${range.first}–${range.last}`);
}

function launch(port: number, env: Record<string, string>, problems: string[]): NextProcess {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR, BETTER_AUTH_URL: `http://127.0.0.1:${port}`, BETTER_AUTH_SECRET: TEST_AUTH_SECRET, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const running: NextProcess = { child, port, output, listening: false };
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    // start-server.js logs "Ready in …" from its 'listening' handler: the port is this child's.
    if (text.includes("Ready in")) running.listening = true;
    output.push(text);
    if (output.length > 200) output.shift();
    if (PROBLEM.test(text) && problems.length < 20) problems.push(text.slice(0, 2000));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // A server that dies mid-test shows up only as "fetch failed" in the tests that follow; its
  // last words are the one clue to why, so they go to the test log.
  child.once("exit", (code, signal) => {
    if (running.stopping) return;
    console.error(`next start on port ${port} exited unexpectedly (code ${code}, signal ${signal}). Its last output:\n${output.join("")}`);
  });
  return running;
}

/** Ready once a route that opens the database answers as expected (401: it needs credentials, and got that far). */
async function waitUntilReady(running: NextProcess, readyStatus: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`next start exited with ${running.child.exitCode}:\n${running.output.join("")}`);
    try {
      // Two launches can pick the same free port; the loser's probe would be answered by the
      // winner until the loser exits with EADDRINUSE, and its tests would talk to a stranger.
      const response = running.listening ? await fetch(`http://127.0.0.1:${running.port}/api/v1/rotations`) : undefined;
      if (response?.status === readyStatus) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`next start did not become ready in ${timeoutMs} ms:\n${running.output.join("")}`);
}

export async function stopNextProcess(running: NextProcess): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  running.stopping = true;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts `next start` with the given environment and waits until it answers `readyStatus`. */
export async function startNextProcess(env: Record<string, string>, problems: string[], readyStatus = 401): Promise<NextProcess> {
  for (let attempt = 1; ; attempt++) {
    const candidate = launch(await freePort(), env, problems);
    try {
      await waitUntilReady(candidate, readyStatus);
      return candidate;
    } catch (error) {
      await stopNextProcess(candidate);
      // Another process may have taken the port between the probe and the listen.
      if (attempt >= 3 || !candidate.output.join("").includes("EADDRINUSE")) throw error;
    }
  }
}

import { execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

/*
 * A PostgreSQL 15 cluster of our own (initdb + pg_ctl in a temporary folder, on a free port,
 * trust auth), so a test can restart PostgreSQL itself without touching the machine's shared
 * server. initdb refuses to run as root: as root, every pg_ctl/initdb runs as `postgres`
 * through runuser, in a folder that user owns.
 */

const BIN = process.env.PG_BIN_DIR || "/usr/lib/postgresql/15/bin";

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres: the maintenance database, for creating others. */
  adminUrl: string;
  /**
   * `pg_ctl restart -m <mode>`. Resolves once PostgreSQL accepts connections again. Times are
   * performance.now(): the command issued, pg_ctl reporting "server stopped", and the first
   * moment a fresh session could run `select 1`.
   */
  restart(mode: "fast" | "immediate"): Promise<{ issuedAt: number; stoppedAt: number; acceptingAt: number }>;
  /** Stops the cluster (immediate: nothing in it is kept) and deletes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

function command(binary: string, args: string[]): [string, string[]] {
  const file = path.join(BIN, binary);
  return asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
}

function run(binary: string, args: string[], onOutput?: (text: string) => void): Promise<void> {
  const [file, argv] = command(binary, args);
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      onOutput?.(output);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${binary} ${args.join(" ")} exited with ${code}:\n${output}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = address && typeof address === "object" ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** True once a fresh session runs `select 1` (not merely a listening socket: a starting server answers 57P03). */
async function accepts(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "rotations-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const log = path.join(dir, "postgres.log");
  const port = await freePort();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await run("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
    // fsync off: a test cluster; an immediate restart still runs crash recovery from the WAL.
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
    await run("pg_ctl", ["start", "-D", data, "-l", log, "-w", "-o", serverOptions]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    adminUrl,
    stop,
    async restart(mode) {
      const issuedAt = performance.now();
      let stoppedAt = 0;
      let onStopped: () => void = () => {};
      const down = new Promise<void>((resolve) => (onStopped = resolve));
      // pg_ctl keeps the options it started with (postmaster.opts).
      const restarting = run("pg_ctl", ["restart", "-D", data, "-m", mode, "-l", log, "-w"], (output) => {
        if (!stoppedAt && output.includes("server stopped")) {
          stoppedAt = performance.now();
          onStopped();
        }
      });
      await Promise.race([down, restarting]);
      if (!stoppedAt) throw new Error("pg_ctl restart ended without stopping the server");
      while (!(await accepts(adminUrl))) await new Promise((resolve) => setTimeout(resolve, 20));
      const acceptingAt = performance.now();
      await restarting;
      return { issuedAt, stoppedAt, acceptingAt };
    },
  };
}

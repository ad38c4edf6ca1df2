import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

/** Starts the built app (`next start`) on a fresh embedded database and waits until it serves. */
export async function startAppServer(port: number, env: Record<string, string> = {}): Promise<{ url: string; stop(): void }> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
  const dataDir = `.test-data/bench-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "", DATA_DIR: dataDir, BETTER_AUTH_URL: url, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    // /login touches the database, so this also waits for migrations and demo data.
    const ok = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ok) return { url, stop: () => child.kill("SIGTERM") };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill("SIGTERM");
  throw new Error("the app did not start within 2 minutes");
}

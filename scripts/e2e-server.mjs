// Starts the production server for the browser tests on an empty embedded database.
// The build must exist (`npm run test:e2e` builds first).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const port = process.argv[2] ?? "3100";
rmSync(process.env.DATA_DIR ?? ".test-data/e2e", { recursive: true, force: true });
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

// Mends a postgres.js 3.4.9 bug until a release fixes it; run by `npm install` (postinstall).
//
// The driver buffers small writes until a setImmediate. When a socket closes with a write
// still buffered, `closed()` and `terminate()` cancel that immediate but keep the buffer and
// the timer's handle, so every later write on that pool slot — the next startup message
// included — waits for an immediate that never comes: each reconnect ends in CONNECT_TIMEOUT,
// and the slot is lost until the process restarts. Reported upstream with porsager/postgres
// #1215 (review comment) and seen by others (LanternOps/breeze#3225). The fault benchmark hit
// it after an outage in about half of its runs. The fix drops the buffer with the socket.
//
// Exact text, exact version: if either changes, this fails loudly instead of patching blind.
// db/postgres-write-buffer.pg.test.ts fails without it.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const VERSION = "3.4.9";
const BROKEN = "    clearImmediate(nextWriteTimer)\n";
const MENDED = "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // patched by scripts/patch-postgres.mjs\n";

// The package exports no package.json; its entry point is cjs/src/index.js.
const root = path.resolve(path.dirname(createRequire(import.meta.url).resolve("postgres")), "..", "..");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
if (version !== VERSION) {
  throw new Error(`scripts/patch-postgres.mjs: postgres ${version} installed, the patch is for ${VERSION}. Check whether the new release fixes the stuck write buffer, then update or remove this script.`);
}
for (const build of ["src", "cjs/src", "cf/src"]) {
  const file = path.join(root, build, "connection.js");
  const source = readFileSync(file, "utf8");
  if (source.includes(MENDED)) continue;
  const sites = source.split(BROKEN).length - 1;
  if (sites !== 2) throw new Error(`scripts/patch-postgres.mjs: expected 2 places to mend in ${file}, found ${sites}.`);
  writeFileSync(file, source.replaceAll(BROKEN, MENDED));
}
console.log(`postgres ${VERSION}: write buffer dropped with its socket (scripts/patch-postgres.mjs)`);

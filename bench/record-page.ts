// Record page budget (issues 5 and 15): first-load JavaScript of a record page (gzip, from the
// build output) and the time from opening "Schedule meeting" to the ranking being visible with
// the proposal marked (median of 20 page loads, on `next start`). Targets: ≤ 150 kB gzip, ≤ 100 ms.
// Run: npm run build && npm run bench:record-page
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { assertBuilt, startNextProcess, stopNextProcess } from "@/test/next-process";
import { round, summarize } from "./support";

const RUNS = 20;
const NETWORK_LATENCY_MS = 60;
const distDir = process.env.NEXT_DIST_DIR || ".next";
const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));

// Timed inside the page, from the click to the ranking's proposed member in the DOM, so the figure is
// the app's and not the test driver's round trips. A string: the bundler's helpers that
// would wrap a function literal do not exist in the page.
const TIME_OPEN_TO_PROPOSAL = `new Promise((resolve) => {
  const started = performance.now();
  const observer = new MutationObserver(() => {
    const ranking = document.querySelector('[aria-label^="Ranking in"]');
    if (ranking && ranking.textContent.includes("Proposed")) {
      observer.disconnect();
      resolve(performance.now() - started);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  [...document.querySelectorAll("button")].find((b) => b.textContent === "Schedule meeting").click();
})`;

assertBuilt();
// The built app on a fresh embedded database (it migrates and seeds the demo on first start).
mkdirSync(".test-data", { recursive: true });
const dataDir = mkdtempSync(path.join(".test-data", "bench-record-page-"));
const server = await startNextProcess({ DATABASE_URL: "", DATA_DIR: dataDir }, []);
const serverUrl = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  const page = await browser.newPage({ baseURL: serverUrl });
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email" }).fill("james@acme.test");
  await page.getByRole("textbox", { name: "Password" }).fill("rotations-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/contacts$/);
  await page.getByRole("table", { name: "Contacts" }).getByRole("rowheader").first().getByRole("link").click();
  await page.getByRole("heading", { name: "Meetings" }).waitFor();
  const recordUrl = page.url();

  // First-load JS: every script the record page's HTML loads, read from the build and gzipped.
  // `noModule` polyfills are skipped: browsers that run modules (all current ones) never fetch them.
  const html = await (await page.request.get(recordUrl)).text();
  const tags = [...html.matchAll(/<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0]));
  const scripts = [...new Set(tags.map((m) => m[1] ?? ""))];
  const sizes = scripts.map((src) => ({ src, bytes: gzipSync(readFileSync(path.join(distDir, src.replace("/_next/", "")))).length }));
  const gzipBytes = sizes.reduce((sum, file) => sum + file.bytes, 0);
  if (process.env.BENCH_VERBOSE) for (const file of sizes.sort((a, b) => b.bytes - a.bytes)) console.log(`  ${round(file.bytes / 1024, 1)} kB  ${file.src}`);
  console.log(`record page first-load JS: ${round(gzipBytes / 1024, 1)} kB gzip in ${scripts.length} files (target ≤ 150 kB)`);

  // Choose the rotation once; the dialog then opens on it (last used) and fetches the proposal.
  const dialog = page.getByRole("dialog", { name: "Schedule meeting" });
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await dialog.getByRole("combobox", { name: "Meeting rotation", exact: true }).selectOption({ label: "EMEA inbound demos" });
  const proposed = dialog.getByRole("combobox", { name: "Meeting rotation user" }).locator("option:checked", { hasText: "(proposed)" });
  await proposed.waitFor({ state: "attached" });

  const timeOpenings = async () => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh page (nothing cached in the query client), settled as a rep would find it.
      await page.goto(recordUrl, { waitUntil: "networkidle" });
      await page.getByRole("button", { name: "Schedule meeting" }).waitFor();
      samples.push(await page.evaluate<number>(TIME_OPEN_TO_PROPOSAL));
    }
    return summarize(samples);
  };
  const { median, p95 } = await timeOpenings();
  console.log(`dialog open → ranking visible: median ${round(median, 1)} ms, p95 ${round(p95, 1)} ms (${RUNS} runs; target ≤ 100 ms)`);

  // The same over a network with 60 ms between browser and server, as a rep far from it would
  // have: here the proposal's round trip, not the dialog's rendering, is the longer wait.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: NETWORK_LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
  const far = await timeOpenings();
  console.log(`  with ${NETWORK_LATENCY_MS} ms network latency: median ${round(far.median, 1)} ms, p95 ${round(far.p95, 1)} ms (for scale)`);
} finally {
  await browser.close();
  await stopNextProcess(server);
  rmSync(dataDir, { recursive: true, force: true });
}

// Settings pages of a large organisation (2,000 users, 200 teams, a 300-member rotation with
// 1,000 meetings, beside the demo): each page requested RUNS times, one after another, on
// `next start` over PostgreSQL, signed in as the demo admin. The figure is the time from
// sending the request to the last byte of the response (the page is streamed, so that is
// when the server finished), on the same machine. Target: p95 ≤ 300 ms for each page.
// Run: npm run build && npm run bench:settings-pages   (PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL's server, or the local one)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { rotations } from "@/db/schema";
import { seedDemoDataIfEmpty } from "@/lib/server/demo/demo";
import { LARGE_ORG, seedLargeOrganisationIfMissing } from "@/lib/server/demo/large-org";
import { DEMO_PASSWORD } from "@/lib/server/demo/people";
import { benchAdminUrl, createLoadDatabase, startInstances } from "@/test/load/harness";
import { assertBuilt } from "@/test/next-process";
import { printVerdict, round, summarize } from "./support";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARM_UP = 5;
const TARGET_MS = 300;

assertBuilt();
const database = await createLoadDatabase(benchAdminUrl());
const problems: string[] = [];
try {
  const handle = await openDatabase({ kind: "postgres", url: database.url, poolSize: 2 });
  let rotationId: string;
  try {
    const started = performance.now();
    await seedDemoDataIfEmpty(handle.db);
    const demoMs = performance.now() - started;
    await seedLargeOrganisationIfMissing(handle.db);
    console.log(`seeded: demo in ${round(demoMs / 1000, 1)} s, large organisation in ${round((performance.now() - started - demoMs) / 1000, 1)} s`);
    const [rotation] = await handle.db.select({ id: rotations.id }).from(rotations).where(eq(rotations.name, LARGE_ORG.rotationName));
    if (!rotation) throw new Error("large rotation missing");
    rotationId = rotation.id;
    await handle.db.execute("analyze");
  } finally {
    await handle.close();
  }

  const [app] = await startInstances(database.url, 1);
  if (!app) throw new Error("no app instance");
  try {
    const signIn = await fetch(`${app.baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.baseUrl },
      body: JSON.stringify({ email: "morgan@acme.test", password: DEMO_PASSWORD }),
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);

    // Each page with a phrase that proves it rendered what was asked.
    const pages: Array<[label: string, path: string, expect: string]> = [
      ["users", "/settings/users", "Showing 1–50 of 2,012"],
      ["users?page=20", "/settings/users?page=20", "Showing 951–1,000 of 2,012"],
      ["users?q=nguyen", "/settings/users?q=nguyen", "Showing 1–50 of 50"],
      ["teams", "/settings/teams", "Showing 1–20 of 203"],
      ["teams?q=lisbon", "/settings/teams?q=lisbon", "Showing 1–10 of 10"],
      ["rotations list", "/settings/meetings/rotations", LARGE_ORG.rotationName],
      ["300-member rotation", `/settings/meetings/rotations/${rotationId}`, "300 members"],
      ["member search (API)", "/api/v1/member-options?q=ma", '"more":true'],
      // The rest of Settings, which a large organisation reaches too (the user select of Out of office).
      ["settings", "/settings", '<h1 class="text-2xl font-semibold">Settings</h1>'],
      ["out of office", "/settings/out-of-office", "current and upcoming periods"],
      ["calendar", "/settings/calendar", '<h1 class="text-2xl font-semibold">Calendar</h1>'],
      ["calendar feed", "/settings/calendar-feed", "<title>Calendar feed"],
      ["api tokens", "/settings/api-tokens", "<title>API tokens"],
      ["outbox", "/settings/outbox", "<title>Outbox"],
    ];
    console.log(`app ${app.baseUrl} on database ${database.name}; ${RUNS} requests a page after ${WARM_UP} to warm up`);
    for (const [label, path, marker] of pages) {
      const request = async () => {
        const started = performance.now();
        const response = await fetch(`${app.baseUrl}${path}`, { headers: { cookie } });
        const body = await response.text();
        const ms = performance.now() - started;
        if (response.status !== 200 || !body.includes(marker)) throw new Error(`${label}: ${response.status}, "${marker}" not in the page`);
        if (process.env.BENCH_DUMP_DIR) writeFileSync(join(process.env.BENCH_DUMP_DIR, `${label.replace(/\W+/g, "-")}.html`), body);
        return { ms, bytes: Buffer.byteLength(body) };
      };
      for (let i = 0; i < WARM_UP; i++) await request();
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const run = await request();
        samples.push(run.ms);
        bytes = run.bytes;
      }
      const { median, p95 } = summarize(samples);
      const met = p95 <= TARGET_MS;
      if (!met) problems.push(`${label}: p95 ${round(p95, 1)} ms > ${TARGET_MS} ms`);
      console.log(`  ${label.padEnd(22)} median ${String(round(median, 1)).padStart(6)} ms, p95 ${String(round(p95, 1)).padStart(6)} ms  ${met ? "≤" : ">"} ${TARGET_MS} ms   (${round(bytes / 1024, 0)} kB)`);
    }
    if (app.alarms.length > 0) problems.push(`server alarms: ${app.alarms.join("\n")}`);
  } finally {
    await app.stop();
  }
} finally {
  await database.dispose();
}
process.exitCode = printVerdict(problems) ? 1 : 0;

// Runs bench/faults.ts again and again (BENCH_RUNS, default 20) and sums up what issue 12 asks
// to show: answers other than 201/503 (an empty token lookup would be a 401), wedged
// connections (a request after the faults that did not land), and recovery times.
// Run: npm run build && npm run bench:faults-loop   (each run ≈ 30–45 s; logs in .test-data/faults-loop/)
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { summarize } from "./support";

interface Summary {
  unexpected: string[];
  killsRecoveredMs: number[];
  outageRecoveryMs: number[];
  restarts: Array<{ mode: string; downMs: number; recoveredMs: number; failedAfterRecovery: number }>;
  steady: Array<Record<string, number>>;
  problems: string[];
}

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const logDir = path.join(".test-data", process.env.BENCH_LOOP_DIR ?? "faults-loop");
mkdirSync(logDir, { recursive: true });

const summaries: Summary[] = [];
let failedRuns = 0;
for (let run = 1; run <= RUNS; run++) {
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/faults.ts"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = `${child.stdout}\n${child.stderr}`;
  writeFileSync(path.join(logDir, `run-${String(run).padStart(2, "0")}.log`), output);
  const line = output.split("\n").find((l) => l.startsWith("SUMMARY "));
  const seconds = Math.round((performance.now() - started) / 1000);
  if (!line) {
    failedRuns++;
    console.log(`run ${run}: no summary (exit ${child.status}, ${seconds} s); see ${logDir}`);
    continue;
  }
  const summary = JSON.parse(line.slice("SUMMARY ".length)) as Summary;
  summaries.push(summary);
  if (child.status !== 0) failedRuns++;
  const restarts = summary.restarts.map((r) => `${r.mode} ${r.recoveredMs} ms`).join(", ");
  console.log(`run ${run}: exit ${child.status} in ${seconds} s; outage recovery ${summary.outageRecoveryMs.join("/")} ms; restarts ${restarts}; problems ${summary.problems.length ? summary.problems.join(" | ") : "none"}`);
}

const all = <T>(pick: (s: Summary) => T[]) => summaries.flatMap(pick);
const unexpected = all((s) => s.unexpected);
const wedged = all((s) => s.steady.map((statuses) => Object.entries(statuses).filter(([k]) => k !== "201").reduce((n, [, v]) => n + v, 0))).reduce((a, b) => a + b, 0);
const figures = (values: number[]) => {
  const { median, p95 } = summarize(values);
  return `median ${Math.round(median)} ms, p95 ${Math.round(p95)} ms, max ${Math.round(Math.max(...values))} ms (${values.length})`;
};
console.log("");
console.log(`${summaries.length} of ${RUNS} runs reported; ${failedRuns} failed a claim`);
console.log(`answers other than 201 / 503 unavailable (an empty result would show as 401): ${unexpected.length === 0 ? "none" : unexpected.join(", ")}`);
console.log(`requests after the faults that did not land (a wedged connection would show here): ${wedged}`);
console.log(`recovery after a kill: ${figures(all((s) => s.killsRecoveredMs))}`);
console.log(`recovery after the outage: ${figures(all((s) => s.outageRecoveryMs))}`);
for (const mode of ["fast", "immediate"]) {
  const rs = all((s) => s.restarts.filter((r) => r.mode === mode));
  console.log(`restart -m ${mode}: PostgreSQL down ${figures(rs.map((r) => r.downMs))}; app back after it accepted sessions ${figures(rs.map((r) => r.recoveredMs))}; failed after 2 s: ${rs.reduce((n, r) => n + r.failedAfterRecovery, 0)}`);
}
process.exit(failedRuns > 0 ? 1 : 0);

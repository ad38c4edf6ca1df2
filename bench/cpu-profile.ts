import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/*
 * Where a server's CPU time went, from a V8 .cpuprofile (`node --cpu-prof`): self time per
 * package or app file, read back through the build's source maps (the server bundles are
 * minified). Used by bench/booking-throughput.ts with BENCH_CPU_PROFILE=1.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const file = `${fileURLToPath(url)}.map`;
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, "utf8")));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url) ?? null;
}

/** A package name, an app file, or a V8 pseudo-frame (`(garbage collector)`, native functions). */
function bucketOf(frame: ProfileNode["callFrame"]): string {
  // V8's own entries — (idle), (program), (garbage collector) — and native functions.
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : `native ${frame.functionName || "(anonymous)"}`;
  if (frame.url.startsWith("node:")) return "node internals (http, net, streams…)";
  let source = frame.url;
  if (frame.url.startsWith("file:")) {
    const entry = sourceMapFor(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry && "originalSource" in entry && entry.originalSource) source = decodeURIComponent(entry.originalSource);
  }
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [scope = "", name = ""] = source.slice(modules + "node_modules/".length).split("/");
    // drizzle-orm's maps point at its TypeScript as node_modules/src/… (entity.ts, sql/sql.ts).
    if (scope === "src") return "drizzle-orm";
    return scope.startsWith("@") ? `${scope}/${name}` : scope;
  }
  // Next.js maps its own bundled server code to ../../src/server/…; the app's files keep their paths.
  const app = /(?:^|\/)((?:app|lib|db|components)\/[^?]*)$/.exec(source.replace(/^(\.\.\/)+/, ""));
  if (app?.[1] && !source.includes("/src/")) return `app: ${app[1]}`;
  if (/(^|\/)src\/(server|shared|lib|client)\//.test(source)) return "next";
  return source.includes(".next") ? "server bundle (unmapped)" : source;
}

/** Self time by bucket, as shares of the busy (non-idle) time, largest first. */
export function summarizeCpuProfile(file: string): { busyMs: number; buckets: Array<{ bucket: string; ms: number; share: number }> } {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const bucket = bucketOf(node.callFrame);
    totals.set(bucket, (totals.get(bucket) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  totals.delete("(idle)");
  const busyMs = [...totals.values()].reduce((a, b) => a + b, 0);
  const buckets = [...totals.entries()].map(([bucket, ms]) => ({ bucket, ms, share: ms / busyMs })).sort((a, b) => b.ms - a.ms);
  return { busyMs, buckets };
}

import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Median and percentiles of a sample, in the sample's unit. */
export function summarize(samples: number[]): { median: number; p95: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? Number.NaN };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * A fresh, migrated database for one benchmark: on PostgreSQL (BENCH_DATABASE_URL, or the
 * local test server) when reachable, since that is what production runs; dropped afterwards.
 */
export async function openBenchDatabase(name: string): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const database = `bench_${name}_${process.pid}`;
  await admin.unsafe(`drop database if exists ${database} with (force)`);
  await admin.unsafe(`create database ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const handle = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrateDatabase(handle);
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.end();
    },
  };
}

/** Prints whether a run's claims held; true when one did not (the script then exits 1). */
export function printVerdict(problems: readonly string[]): boolean {
  if (problems.length === 0) {
    console.log("all claims hold");
    return false;
  }
  console.log(`FAILED:\n  ${problems.join("\n  ")}`);
  return true;
}

// `npm run worker`: a process that only runs jobs (C6) — calendar syncs, calendar write-back and
// invitations — against PostgreSQL (DATABASE_URL). Run as many as you like; app instances then
// set JOBS_IN_APP=0. The embedded database belongs to one process, so it has no separate worker.
import { databaseConfigFromEnv } from "@/db/config";
import { startDatabase } from "@/lib/server/db";
import { mailSenderFromEnv } from "@/lib/server/jobs/in-app";
import { startJobRuntime } from "@/lib/server/jobs/runtime";

const config = databaseConfigFromEnv();
if (config.kind !== "postgres") {
  console.error("npm run worker needs DATABASE_URL: the embedded database runs its jobs inside the app.");
  process.exit(1);
}
const handle = await startDatabase(config);
const runtime = await startJobRuntime(handle, { work: true, mail: mailSenderFromEnv() });
console.log("[worker] running jobs; Ctrl+C stops after the current ones finish");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void runtime.stop().then(() => handle.close()).then(() => process.exit(0));
  });
}

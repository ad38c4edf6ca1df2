// Next.js calls register() once when a server instance starts, before any request.
export async function register() {
  // The Edge runtime has no AsyncLocalStorage snapshot and books nothing.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { captureRootContext } = await import("@/lib/server/booking/detached");
  captureRootContext();
  // The job queue (C6) starts with the server but does not hold it up; it retries on the next wake.
  const { startJobsInApp } = await import("@/lib/server/jobs/in-app");
  startJobsInApp().catch((error: unknown) => console.error("[jobs] could not start:", error instanceof Error ? error.message : error));
}

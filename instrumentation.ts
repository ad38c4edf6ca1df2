// Next.js calls register() once when a server instance starts, before any request.
export async function register() {
  // The Edge runtime has no AsyncLocalStorage snapshot and books nothing.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { captureRootContext } = await import("@/lib/server/booking/detached");
  captureRootContext();
}

import "server-only";
import type { Result } from "@/lib/domain/result";
import type { CalendarFile } from "@/lib/server/queries/calendar-files";
import { errorResponse } from "./errors";

/** A calendar file as an HTTP answer: never cached (it holds people's meetings), downloaded when named. */
export function icsResponse(result: Result<CalendarFile>): Response {
  if (!result.ok) return errorResponse(result.error);
  const headers: Record<string, string> = { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store" };
  if (result.value.filename) headers["content-disposition"] = `attachment; filename="${result.value.filename}"`;
  return new Response(result.value.ics, { headers });
}

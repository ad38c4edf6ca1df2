import { errorResponse } from "@/lib/server/api/errors";

// Clients of a JSON API should get JSON even for a path that does not exist, not an HTML page.
function notFound(): Response {
  return errorResponse({ code: "not_found", message: "No such endpoint. The list is at /api/v1/openapi.json." });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;

import { jsonResponse } from "@/lib/server/api/errors";
import { guarded } from "@/lib/server/api/handler";
import { buildOpenApiDocument } from "@/lib/server/openapi/document";

/** Public: it describes the API, not anyone's data. */
export const GET = guarded(async () => jsonResponse(buildOpenApiDocument(), 200, { "cache-control": "public, max-age=300" }));

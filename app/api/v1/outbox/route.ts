import { outboxPageSchema, presentOutbox } from "@/lib/server/api/contract/connections";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readQuery } from "@/lib/server/api/query";
import { listOutbox, outboxQuerySchema } from "@/lib/server/queries/outbox";
import { parseInput } from "@/lib/server/validation";

/** Admins: invitations and calendar writes, sent or waiting, newest first (C4, C5). */
export const GET = authenticated(async ({ request, actor, db }) => {
  const raw = readQuery(request);
  if (!raw.ok) return errorResponse(raw.error);
  const query = parseInput(outboxQuerySchema, raw.value);
  if (!query.ok) return errorResponse(query.error);
  return respond(await listOutbox(db, actor, query.value), (page) => outboxPageSchema.parse(presentOutbox(page)));
});

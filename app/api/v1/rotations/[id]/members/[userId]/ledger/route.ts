import { presentLedger } from "@/lib/server/api/contract/fairness";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { refuseQuery } from "@/lib/server/api/query";
import { listMemberLedger } from "@/lib/server/queries/member-ledger";

/** A member's count entries, newest first (R13); admins only. */
export const GET = authenticated<{ id: string; userId: string }>(async ({ request, actor, db, params }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await listMemberLedger(db, actor, params.id, params.userId), presentLedger);
});

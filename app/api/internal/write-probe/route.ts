import { writeProbes } from "@/db/schema";
import { canManageRotations } from "@/lib/domain/permissions";
import { ok } from "@/lib/domain/result";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { inTransaction } from "@/lib/server/transaction";

/**
 * The smallest write the app makes: authenticate like the API, then insert one row in one
 * transaction. Two uses:
 * - the ceiling of the booking benchmark (bench/booking-throughput.ts): the same server,
 *   authentication and pool as POST /api/v1/meetings, without the booking's own work;
 * - a write health probe for operators: `curl -X POST -H "Authorization: Bearer <admin token>"
 *   https://…/api/internal/write-probe` answers 201 when this instance can write through its
 *   pool, 503 `unavailable` when PostgreSQL is unreachable or refusing connections, and 500 for
 *   anything else (the server log says what). Unlike a read-only check it proves the write
 *   path, hence an admin token, and it leaves one row in write_probes (safe to delete).
 */
export const POST = authenticated(async ({ actor, db }) => {
  if (!canManageRotations(actor)) return errorResponse({ code: "forbidden", message: "Only admins may probe writes." });
  const result = await inTransaction(db, async (tx) => {
    const [row] = await tx.insert(writeProbes).values({ userId: actor.id }).returning({ id: writeProbes.id, createdAt: writeProbes.createdAt });
    if (!row) throw new Error("insert returned no row");
    return ok(row);
  });
  return respond(result, (row) => ({ id: row.id, createdAt: row.createdAt.toISOString() }), 201);
});

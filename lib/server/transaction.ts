import "server-only";
import type { Database } from "@/db/client";
import { isConnectionLoss } from "@/db/connection-loss";
import { fail, type AppError, type Result } from "@/lib/domain/result";

/** Carries an expected failure out of a transaction so everything it wrote rolls back. */
class Rollback extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

interface PgErrorFields {
  code?: string;
  constraint_name?: string;
  constraint?: string;
}

/** drizzle-orm 0.45 wraps driver errors; the SQLSTATE and constraint are on `cause`. */
function pgError(error: unknown): PgErrorFields | undefined {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  for (const candidate of candidates) {
    if (candidate && typeof candidate === "object" && typeof (candidate as PgErrorFields).code === "string") {
      return candidate as PgErrorFields;
    }
  }
  return undefined;
}

const RETRYABLE_CODES = new Set(["40001", "40P01"]);

/** Turns the database's own refusals into the error values callers expect. */
export function databaseErrorToAppError(error: unknown): AppError | undefined {
  const pg = pgError(error);
  if (!pg?.code) return undefined;
  const constraint = pg.constraint_name ?? pg.constraint ?? "";
  if (pg.code === "23P01") return { code: "slot_taken", message: "That time is already taken for this host." };
  if (pg.code === "23505" && constraint.endsWith("_name_lower_key")) {
    return { code: "name_taken", message: "That name is already used.", fields: { name: ["That name is already used."] } };
  }
  // FATAL included: a database refusing connections (55000) or full (53300) is away too, not a bug.
  if (isConnectionLoss(pg)) {
    return { code: "unavailable", message: "The database is unavailable. Try again in a moment." };
  }
  return undefined;
}

export function isRetryable(error: unknown): boolean {
  const code = pgError(error)?.code;
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/**
 * Runs a use case's body in one transaction. A failed Result rolls the transaction back;
 * a constraint the database enforces (overlap, unique name) comes back as a Result too;
 * deadlocks and serialization failures are retried a few times after a short random wait;
 * anything else is a bug.
 */
export async function inTransaction<T>(db: Database, body: (tx: Database) => Promise<Result<T>>): Promise<Result<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const result = await body(tx);
        if (!result.ok) throw new Rollback(result.error);
        return result;
      });
    } catch (error) {
      if (error instanceof Rollback) return { ok: false, error: error.appError };
      if (isRetryable(error) && attempt < 5) {
        // Two transactions that deadlocked and retry at once tend to deadlock again (seen in
        // CI: four in a row on one slot); a short random wait lets one of them go first.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        continue;
      }
      const known = databaseErrorToAppError(error);
      if (known) return fail(known.code, known.message, known.fields);
      throw error;
    }
  }
}

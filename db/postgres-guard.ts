import type postgres from "postgres";

/*
 * Guards around postgres.js for losing the database mid-flight (pg_terminate_backend, a
 * restart, a database refusing connections): bounded waits and halted transactions, so a
 * request fails fast with 503 and the pool recovers without a process restart. The policy
 * is written down in docs/operations.md.
 */

const CONNECTION_LOSS_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown: pg_terminate_backend, a fast shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, shutting down, in recovery
]);

/**
 * The session is gone, or was never had: a driver-level connection error, a connection
 * exception (SQLSTATE class 08), or any FATAL/PANIC report — PostgreSQL ends the session
 * after one, whatever its code (55000 when a database does not accept connections, 53300 for
 * too many clients, 57P01 when the backend was terminated).
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  if (severity === "FATAL" || severity === "PANIC") return true;
  return typeof code === "string" && (CONNECTION_LOSS_CODES.has(code) || code.startsWith("08"));
}

type Sql = postgres.Sql;
type TransactionSql = postgres.TransactionSql;
type Query = postgres.PendingQuery<postgres.Row[]>;

/**
 * How long a query or transaction may wait to reach PostgreSQL (a free, connected session):
 * connect_timeout plus a margin. postgres.js has no such limit, and while a database refuses
 * connections it can keep a waiting query in a reconnect loop until the database is back
 * (porsager/postgres#1193). Past this the caller gets CONNECT_TIMEOUT (503); the query itself
 * is left to settle on its own. Running statements are not limited.
 */
const WAIT_FOR_SESSION_MS = 6_000;

const waitedTooLong = () =>
  Object.assign(new Error(`No database session within ${WAIT_FOR_SESSION_MS / 1000} s`), { code: "CONNECT_TIMEOUT" });

interface TransactionState {
  lost: boolean;
  lose(error: unknown): void;
}

/** Never settles: what a transaction's query becomes once its connection is lost. */
const parked = <T>() => new Promise<T>(() => {});

/**
 * postgres.js 3.4.9 lets a transaction's callback run on after its connection dies: begin()
 * rejects, but the callback's next query — or the ROLLBACK that postgres.js sends when the
 * callback fails — is written to the dead connection. That throws an uncaught TypeError from a
 * setImmediate and leaves that pool slot unable to connect ever again (every attempt ends in
 * CONNECT_TIMEOUT, until the process restarts); after a reconnect, the callback's writes could
 * even land in another session (porsager/postgres#1208, #1216; fixes not released). The fault
 * test reproduced it: one pg_terminate_backend under load and the app never recovered.
 *
 * So within a transaction, a query that fails because the session is gone does not settle, and
 * nor does any query issued after that: the callback stops where it is, postgres.js writes
 * nothing more for it, and the caller gets the connection error from begin() at once.
 * Outside transactions, queries only get the WAIT_FOR_SESSION_MS limit.
 */
export function guardClient(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") return (...args: Parameters<Sql["unsafe"]>) => limitWait(target.unsafe(...args));
      if (property === "begin") return (...args: unknown[]) => guardedBegin(target, args);
      return Reflect.get(target, property, receiver);
    },
  });
}

function guardedBegin(client: Sql, args: unknown[]): Promise<unknown> {
  const body = args.pop() as (sql: TransactionSql) => unknown;
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const state: TransactionState = {
    lost: false,
    lose(error) {
      state.lost = true;
      fail(error);
    },
  };
  let started = false;
  const timer = setTimeout(() => started || state.lose(waitedTooLong()), WAIT_FOR_SESSION_MS);
  const begin = client.begin as (...a: unknown[]) => Promise<unknown>;
  const outcome = begin.call(client, ...args, (sql: TransactionSql) => {
    started = true;
    clearTimeout(timer);
    // Given up on already: roll back at once, which frees the session.
    if (state.lost) throw waitedTooLong();
    return body(guardScope(sql, state));
  });
  // Whichever comes first; begin() also rejects on its own when the connection closes.
  return Promise.race([outcome, failed]).finally(() => {
    clearTimeout(timer);
    state.lost = true;
  });
}

function guardScope(sql: TransactionSql, state: TransactionState): TransactionSql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (...args: Parameters<TransactionSql["unsafe"]>) => (state.lost ? parkedQuery() : parkOnLoss(target.unsafe(...args), state));
      }
      if (property === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (nested: TransactionSql) => unknown;
          const savepoint = target.savepoint as (...a: unknown[]) => Promise<unknown>;
          return state.lost ? parked() : savepoint.call(target, ...args, (nested: TransactionSql) => body(guardScope(nested, state)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The query as drizzle uses it — awaited, maybe after `.values()` — settling as `settle` says. */
function asDrizzleQuery(query: Query, settle: () => Promise<unknown>): Query {
  const wrapped = {
    values() {
      query.values();
      return wrapped;
    },
    then<A, B>(onFulfilled?: (value: unknown) => A | PromiseLike<A>, onRejected?: (reason: unknown) => B | PromiseLike<B>) {
      return settle().then(onFulfilled, onRejected);
    },
  };
  return wrapped as unknown as Query;
}

function parkOnLoss(query: Query, state: TransactionState): Query {
  return asDrizzleQuery(query, () => new Promise((resolve, reject) => query.then(resolve, (error: unknown) => (isConnectionLoss(error) ? state.lose(error) : reject(error)))));
}

function limitWait(query: Query): Query {
  return asDrizzleQuery(query, () => new Promise((resolve, reject) => {
    // `state` is set once the query is on a session; only the wait before that is limited.
    const timer = setTimeout(() => (query as unknown as { state: unknown }).state ?? reject(waitedTooLong()), WAIT_FOR_SESSION_MS);
    query.then(resolve, reject).finally(() => clearTimeout(timer));
  }));
}

function parkedQuery(): Query {
  const query = { values: () => query, then: () => parked() };
  return query as unknown as Query;
}

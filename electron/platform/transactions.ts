import type { TerminalDb } from '../../db/open';

/**
 * Prepared statements are compiled once per database connection and kept here, so the till's
 * hot paths (a sale, a card scan) bind values instead of building SQL on every call.
 * A WeakMap keyed by the connection lets several databases live side by side (tests, tools).
 */
export function perDb<T>(build: (db: TerminalDb) => T): (db: TerminalDb) => T {
  const cache = new WeakMap<TerminalDb, T>();
  return (db) => {
    let built = cache.get(db);
    if (built === undefined) {
      built = build(db);
      cache.set(db, built);
    }
    return built;
  };
}

// better-sqlite3's transaction wrapper, made once per connection: drizzle's db.transaction()
// builds a new wrapper (and a transaction object) on every call, which the sale path pays for.
// Same semantics: BEGIN IMMEDIATE, COMMIT on return, ROLLBACK on a throw.
const immediateTx = perDb((db) => db.$client.transaction((work: () => unknown) => work()).immediate);

/**
 * Runs `work` in its own IMMEDIATE transaction: the write lock is taken before the first read,
 * so another connection (the sync job) cannot make it fail with SQLITE_BUSY when it upgrades
 * to write half-way. Only for a caller that is not already inside a transaction (better-sqlite3
 * would nest a savepoint instead; `atomic` is the helper that joins).
 */
export function inImmediateTransaction<T>(db: TerminalDb, work: () => T): T {
  // The wrapper returns exactly what `work` returned.
  return immediateTx(db)(work) as T;
}

/**
 * Runs `work` as ONE transaction. When a caller (the dispatcher's idempotency transaction, the
 * demo shop set-up) already holds one, the work joins it: a throw then rolls back the caller's
 * transaction as a whole, which is what every caller here wants, and it saves a savepoint on
 * the sale hot path. On its own it takes the write lock up front (IMMEDIATE).
 */
export function atomic<T>(ctx: { readonly db: TerminalDb }, work: () => T): T {
  if (ctx.db.$client.inTransaction) return work();
  return inImmediateTransaction(ctx.db, work);
}

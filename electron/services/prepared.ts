import type { TerminalDb } from '../../db/open';
import type { ServiceContext } from '../core/context';

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

/**
 * Runs `work` as ONE transaction. When a caller (the dispatcher's idempotency transaction, the
 * demo shop set-up) already holds one, the work joins it: a throw then rolls back the caller's
 * transaction as a whole, which is what every caller here wants, and it saves a savepoint on
 * the sale hot path. On its own it takes the write lock up front (IMMEDIATE), so a second
 * connection (the sync job) can never make it fail half-way with SQLITE_BUSY on upgrade.
 */
export function atomic<T>(ctx: ServiceContext, work: () => T): T {
  if (ctx.db.$client.inTransaction) return work();
  return ctx.db.transaction(() => work(), { behavior: 'immediate' });
}

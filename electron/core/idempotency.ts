import { eq, sql } from 'drizzle-orm';
import { requests } from '../../db/schema';
import type { TerminalDb } from '../../db/open';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';

/**
 * The `requests` table remembers each call that carried a requestId, with its input and its
 * answer (for a sale, what its rows do not hold: saleReceiptMemory.ts), so a double-submitted
 * sale is stored once and the repeat gets the first receipt. A row is about half a kilobyte:
 * kept for ever, a busy till would carry gigabytes of them. A repeat comes within
 * seconds (a double tap, a retry after a timeout); a week is far beyond any of them, so rows
 * older than REQUEST_MEMORY_MS are deleted. A request id repeated after that is a new call.
 */
export const REQUEST_MEMORY_MS = 7 * 24 * 3_600_000;
/** Rows deleted per pass: bounded, so the call that prunes stays a till-speed call. */
export const PRUNE_BATCH = 200;
const PRUNE_EVERY_MS = 3_600_000;

const p = sql.placeholder;

// Read and written on every sale: compiled once per connection.
const statements = perDb((db) => ({
  find: direct(
    db
      .select()
      .from(requests)
      .where(eq(requests.requestId, p('requestId')))
      .prepare(),
  ),
  insert: direct(
    db
      .insert(requests)
      .values({
        requestId: p('requestId'),
        channel: p('channel'),
        inputJson: p('inputJson'),
        resultJson: p('resultJson'),
        createdAt: p('createdAt'),
      })
      .prepare(),
  ),
  // The oldest rows by rowid (insertion order), of which those past the window: a bounded
  // look at the front of the table, never a scan of it (created_at has no index).
  prune: db.$client.prepare(
    'DELETE FROM requests WHERE rowid IN ' +
      '(SELECT rowid FROM (SELECT rowid, created_at FROM requests ORDER BY rowid LIMIT ?) WHERE created_at < ?)',
  ),
  state: { lastPruneAt: Number.NEGATIVE_INFINITY, nextPruneAt: Number.NEGATIVE_INFINITY },
}));

export type RequestRow = typeof requests.$inferSelect;

export function findRequest(db: TerminalDb, requestId: string): RequestRow | undefined {
  return statements(db).find.get({ requestId });
}

/**
 * Whether a repeat carries the input the request id was first used with. The input's JSON is
 * kept whole and compared whole: exact, and cheaper than hashing it on every call.
 */
export function isSameInput(stored: string, inputJson: string): boolean {
  return stored === inputJson;
}

/** Remembers a call's answer; inside the call's transaction, so both exist or neither. */
export function rememberRequest(db: TerminalDb, row: RequestRow): void {
  statements(db).insert.run(row);
}

/**
 * Deletes a batch of requests older than the window, at most once an hour per connection (or
 * again at once while there is a backlog). Runs inside the caller's write transaction.
 */
export function pruneRequests(db: TerminalDb, now: number): void {
  const st = statements(db);
  // (A clock set back is not waited for: the next pass is due at once.)
  if (now < st.state.nextPruneAt && now >= st.state.lastPruneAt) return;
  const deleted = st.prune.run(PRUNE_BATCH, now - REQUEST_MEMORY_MS).changes;
  st.state.lastPruneAt = now;
  st.state.nextPruneAt = deleted === PRUNE_BATCH ? now : now + PRUNE_EVERY_MS;
}

/** Prunes until no request older than the window is left (the bench, before it times sales). */
export function drainRequestBacklog(db: TerminalDb, now: number): void {
  const st = statements(db);
  while (st.prune.run(PRUNE_BATCH, now - REQUEST_MEMORY_MS).changes === PRUNE_BATCH);
  st.state.lastPruneAt = now;
  st.state.nextPruneAt = now + PRUNE_EVERY_MS;
}

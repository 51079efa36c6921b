import { mergeMoves, pointsMoved } from '../../shared/domain/mergePoints';
import type { IdSource } from '../../shared/sources';
import type { HoDb } from '../store/connect';
import { ledger } from '../store/schema';
import type { FeedItem } from '../sync/feed';
import { lotLedgerOf, officeLedgerChange } from '../sync/officeLedgerRows';

/** The terminal column of head office's own ledger rows (as its adjustments write it). */
export const MERGE_TERMINAL = 'head-office';

/** A row written, as the summaries count it. */
export interface MovedRow {
  shopId: string;
  kind: 'adjust';
  delta: number;
  createdAt: number;
}

export interface Pair {
  survivorId: string;
  duplicateId: string;
  /** Both rows of a pair are counted in this shop's day, so they cancel out in every summary. */
  shopId: string;
}

/**
 * Writes the 'adjust' rows moving what the duplicate holds now to the survivor (mergePoints.ts) in
 * the caller's transaction; answers their pull changes (sent to every till, the one that caused a
 * late record too), the points moved, and the rows, which the caller adds to the summaries once
 * with the rest of its transaction's rows (in key order: no deadlock). Nothing to move writes nothing.
 */
export async function moveDuplicatePoints(
  tx: HoDb,
  ids: IdSource,
  pair: Pair,
  now: number,
): Promise<{ feed: FeedItem[]; moved: number; rows: MovedRow[] }> {
  const rows = await lotLedgerOf(tx, pair.duplicateId);
  const moves = mergeMoves(rows, now);
  if (moves.length === 0) return { feed: [], moved: 0, rows: [] };
  const written = moves.map((m) => ({
    id: ids.uuid(),
    memberId: m.side === 'survivor' ? pair.survivorId : pair.duplicateId,
    kind: 'adjust' as const,
    delta: m.delta,
    ruleVersion: null,
    campaignId: null,
    terminalId: MERGE_TERMINAL,
    shopId: pair.shopId,
    createdAt: now,
    expiresAt: m.expiresAt,
    lotId: m.lotId,
  }));
  await tx.insert(ledger).values(written);
  const feed = written.map(officeLedgerChange);
  return { feed, moved: pointsMoved(moves), rows: written };
}

import { derivePointLots, type LedgerEntry } from './pointLots';

// The ledger rows that carry a merged duplicate's points to the survivor (server/members/README.md).
// Every live lot goes as a pair: a debit on the duplicate that names the lot, and a new lot on the
// survivor with the same expiry, so no point lives longer or shorter for being merged. A deficit (an
// offline overdraft) goes the other way: a credit that clears it on the duplicate, a debit on the
// survivor. Lots already due stay where they are and expire there. Each pair sums to zero.

export interface MoveRow {
  /** Which member's ledger the row goes to. */
  side: 'duplicate' | 'survivor';
  delta: number;
  /** A new lot's expiry (survivor credits; null: never). */
  expiresAt: number | null;
  /** The duplicate's lot a debit takes from. */
  lotId: string | null;
}

/** The rows moving what the duplicate may spend at `now` to the survivor, pair by pair. */
export function mergeMoves(duplicateLedger: readonly LedgerEntry[], now: number): MoveRow[] {
  const lots = derivePointLots(duplicateLedger, now);
  const rows: MoveRow[] = [];
  for (const lot of lots.lots) {
    const live = !lot.expired && lot.remaining > 0 && (lot.expiresAt === null || lot.expiresAt > now);
    if (!live) continue;
    rows.push({ side: 'duplicate', delta: -lot.remaining, expiresAt: null, lotId: lot.id });
    rows.push({ side: 'survivor', delta: lot.remaining, expiresAt: lot.expiresAt, lotId: null });
  }
  if (lots.deficit > 0) {
    rows.push({ side: 'duplicate', delta: lots.deficit, expiresAt: null, lotId: null });
    rows.push({ side: 'survivor', delta: -lots.deficit, expiresAt: null, lotId: null });
  }
  return rows;
}

/** The points a set of move rows carries to the survivor (negative: an overdraft it takes over). */
export const pointsMoved = (rows: readonly MoveRow[]): number =>
  rows.filter((r) => r.side === 'survivor').reduce((sum, r) => sum + r.delta, 0);

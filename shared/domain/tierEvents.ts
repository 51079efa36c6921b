import { earnedChange } from './pointsEarned';
import type { TierEvent } from './tierStatus';

// A member's tier history from the rows both sides keep: the ledger (terminal points_ledger, head
// office ho_ledger) and the sales. One builder, so the terminal and head office count alike.
//
// Points earned = earn rows (sale earnings, birthday and campaign bonuses) minus reversals of them
// (reversal rows with a negative delta: shared/domain/pointsEarned.ts). A reversal naming the row it
// reverses counts in a window where that row was earned (a refund un-earns the sale's points).
// Adjustments do NOT count: a manager's correction or goodwill is not qualifying activity, and a
// tier given by hand is an override with a reason and an end date. Spend, redeem and expire rows
// never count: the balance is not a tier measure.
// Spend = sale totals (after the points discount) minus refunded amounts.

export interface TierLedgerRow {
  kind: string;
  delta: number;
  createdAt: number;
  /** Optional: with them a reversal is dated at the earning it reverses (for the window). */
  id?: string;
  reversesId?: string | null;
}

export interface TierSaleRow {
  totalMinor: number;
  createdAt: number;
}

export function tierEvents(
  ledger: readonly TierLedgerRow[],
  sales: readonly TierSaleRow[],
  refunds: readonly TierSaleRow[] = [],
): TierEvent[] {
  const events: TierEvent[] = [];
  const earnedAt = new Map<string, number>();
  for (const row of ledger) if (row.kind === 'earn' && row.id !== undefined) earnedAt.set(row.id, row.createdAt);
  for (const row of ledger) {
    const points = earnedChange(row.kind, row.delta);
    if (points === 0) continue;
    const reversed = row.kind === 'reversal' && row.reversesId ? earnedAt.get(row.reversesId) : undefined;
    events.push({
      at: row.createdAt,
      points,
      spendMinor: 0,
      ...(reversed === undefined ? {} : { earnedAt: reversed }),
    });
  }
  for (const s of sales) events.push({ at: s.createdAt, points: 0, spendMinor: s.totalMinor });
  for (const r of refunds) events.push({ at: r.createdAt, points: 0, spendMinor: -Math.abs(r.totalMinor) });
  return events;
}

// ONE rule for "points earned" (the members' cached earned total at a till, head office's snapshot,
// the tier measure): earn rows count, and a reversal that takes points back (a refund of earned
// points, or head office taking back a campaign bonus over its per-member limit) un-earns them.
// A reversal that gives points back (a refund of points spent) and every other kind count nothing.

export function earnedChange(kind: string, delta: number): number {
  if (kind === 'earn') return delta;
  if (kind === 'reversal' && delta < 0) return delta;
  return 0;
}

/** The same rule as a SQL condition on ledger rows (`alias.`kind, delta): the rows whose delta counts as earned. */
export const earnedRowsSql = (alias = ''): string =>
  `(${alias}kind = 'earn' OR (${alias}kind = 'reversal' AND ${alias}delta < 0))`;

// Tiers qualify on lifetime points EARNED, never on the balance: spending points must not
// demote a member. (Rolling-window qualification will feed a different total into these.)

export interface TierDef {
  code: string;
  name: string;
  rank: number;
  /** Lifetime points EARNED (never balance) needed. */
  qualifyPoints: number;
}

// Refunds can take earned points below zero in a window; nobody falls below the entry tier.
const earnedOrZero = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/** The highest-ranked tier whose qualifyPoints <= earned, or null when none qualifies. */
export function tierFor(tiers: TierDef[], pointsEarnedTotal: number): TierDef | null {
  const earned = earnedOrZero(pointsEarnedTotal);
  let best: TierDef | null = null;
  for (const t of tiers) {
    if (t.qualifyPoints <= earned && (best === null || t.rank > best.rank)) best = t;
  }
  return best;
}

export function tierProgress(
  tiers: TierDef[],
  pointsEarnedTotal: number,
): { current: TierDef | null; next: TierDef | null; pointsToNext: number | null; fraction: number } {
  const earned = earnedOrZero(pointsEarnedTotal);
  const current = tierFor(tiers, earned);
  // The next tier is the lowest-ranked one above the current; it cannot already qualify,
  // because the current tier is the highest-ranked tier that does.
  let next: TierDef | null = null;
  for (const t of tiers) {
    if ((current === null || t.rank > current.rank) && (next === null || t.rank < next.rank)) next = t;
  }
  if (next === null) return { current, next: null, pointsToNext: null, fraction: 1 };
  const from = current?.qualifyPoints ?? 0;
  const span = next.qualifyPoints - from;
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, (earned - from) / span));
  return { current, next, pointsToNext: Math.max(0, next.qualifyPoints - earned), fraction };
}

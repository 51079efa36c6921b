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

/** Progress from one threshold to the next as 0–1, from lifetime points earned; 1 at the top. */
export function tierFraction(pointsEarnedTotal: number, fromPoints: number, toPoints: number | null): number {
  if (toPoints === null) return 1;
  const span = toPoints - fromPoints;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (earnedOrZero(pointsEarnedTotal) - fromPoints) / span));
}

export interface TierProgress {
  current: TierDef | null;
  next: TierDef | null;
  pointsToNext: number | null;
  fraction: number;
}

/**
 * Progress to the next tier: the lowest-ranked one above `current`. `current` is the tier the member
 * holds: by default the one their earned points qualify for; a terminal passes its stored tier, which
 * may be higher (set by head office). The distance is in lifetime EARNED points, never the balance.
 */
export function tierProgress(
  tiers: TierDef[],
  pointsEarnedTotal: number,
  current: TierDef | null = tierFor(tiers, pointsEarnedTotal),
): TierProgress {
  const earned = earnedOrZero(pointsEarnedTotal);
  let next: TierDef | null = null;
  for (const t of tiers) {
    if ((current === null || t.rank > current.rank) && (next === null || t.rank < next.rank)) next = t;
  }
  if (next === null) return { current, next: null, pointsToNext: null, fraction: 1 };
  const fraction = tierFraction(earned, current?.qualifyPoints ?? 0, next.qualifyPoints);
  return { current, next, pointsToNext: Math.max(0, next.qualifyPoints - earned), fraction };
}

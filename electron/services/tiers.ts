import { asc } from 'drizzle-orm';
import type { TierView } from '../../shared/contract';
import { tierFor, tierProgress, type TierDef } from '../../shared/domain/tier';
import { tiers } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';

const statements = perDb((db) => ({
  all: direct(db.select().from(tiers).orderBy(asc(tiers.rank)).prepare()),
}));

/** The tier ladder, lowest rank first. */
export function loadTiers(ctx: ServiceContext): TierDef[] {
  return statements(ctx.db).all.all();
}

export const tierView = (t: TierDef): TierView => ({
  code: t.code,
  name: t.name,
  rank: t.rank,
  qualifyPoints: t.qualifyPoints,
});

export interface TierStanding {
  tier: TierDef | null;
  nextTier: TierDef | null;
  pointsToNextTier: number | null;
}

/**
 * Where a member stands on the ladder. The stored tier is the truth (it is raised at the sale
 * that crosses a threshold and may later be set by head office); a member whose stored tier
 * is missing or below what their lifetime earned points qualify for gets the qualifying tier.
 * The next tier and the distance to it are shared/domain's tierProgress from that tier.
 */
export function tierStanding(ladder: TierDef[], storedCode: string | null, earnedTotal: number): TierStanding {
  const stored = storedCode === null ? null : (ladder.find((t) => t.code === storedCode) ?? null);
  const qualified = tierFor(ladder, earnedTotal);
  const tier = stored !== null && (qualified === null || stored.rank >= qualified.rank) ? stored : qualified;
  const progress = tierProgress(ladder, earnedTotal, tier);
  return { tier, nextTier: progress.next, pointsToNextTier: progress.pointsToNext };
}

/** The entry tier a new member starts in (lowest rank), or null when the shop has no tiers. */
export function entryTier(ladder: TierDef[]): TierDef | null {
  return ladder[0] ?? null;
}

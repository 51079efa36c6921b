import { eq } from 'drizzle-orm';
import type { Campaign } from '../../shared/domain/campaigns/campaign';
import type { ShopFilter } from '../admin/reports';
import { summaryOfSums, welchLiftOf, type GroupSummary } from '../stats/liftInterval';
import type { HoDb } from '../store/connect';
import { campaignLiftSums } from '../store/schema';
import { liftMeasure } from './campaignLift';
import type { LiftsBySums } from './liftSums';

// A published campaign's lifts from its kept group sums (README.md, "The lift's sums, kept"): a handful of
// rows by the campaign's key, never its members. The sums are over every member kept (target everyone) with
// the look-back of the whole window, so they answer only where that is the question asked.

const DAY_MS = 86_400_000;
const MAX_LOOKBACK_MS = 90 * DAY_MS;

/** The look-back the kept sums hold: the whole window's (migration 0022's ho_campaign_lift_lookbacks). */
export function keptLookbackFrom(campaign: Pick<Campaign, 'startsAt' | 'endsAt'>): number {
  const { startsAt, endsAt } = campaign;
  return startsAt - Math.min(Math.max(endsAt - startsAt, DAY_MS), MAX_LOOKBACK_MS);
}

/**
 * Whether the kept sums are exactly the lifts asked: a published campaign for everyone, every shop or one, and
 * the look-back asked is the whole window's (the campaign has ended, or runs with a look-back already at its most).
 */
export function keptSumsAnswer(
  campaign: Pick<Campaign, 'startsAt' | 'endsAt' | 'published' | 'target'>,
  lookbackFrom: number,
  shops: ShopFilter,
): boolean {
  return (
    campaign.published &&
    campaign.target.kind === 'everyone' &&
    (shops === null || shops.length === 1) &&
    lookbackFrom === keptLookbackFrom(campaign)
  );
}

const empty = (): GroupSummary => ({ n: 0, mean: 0, variance: 0 });

/** The lifts from the kept sums: over every shop, or (one shop seen) that shop's rows as the whole. */
export async function liftsByKeptSums(
  db: HoDb,
  campaignId: string,
  shops: ShopFilter,
  minGroup: number,
): Promise<LiftsBySums> {
  const rows = await db.select().from(campaignLiftSums).where(eq(campaignLiftSums.campaignId, campaignId));
  const groups = new Map<string, { spend: GroupSummary; visits: GroupSummary }>();
  for (const r of rows) {
    const n = Number(r.n);
    const of = (sum: string, sumSq: string) => (n === 0 ? empty() : summaryOfSums(n, BigInt(sum), BigInt(sumSq)));
    groups.set(`${r.population}\n${r.shopId}\n${r.held ? 'holdout' : 'treated'}`, {
      spend: of(r.spend, r.spendSq),
      visits: of(r.visits, r.visitsSq),
    });
  }
  const figures = (population: string, shopId: string) => {
    const group = (side: string) =>
      groups.get(`${population}\n${shopId}\n${side}`) ?? { spend: empty(), visits: empty() };
    const treated = group('treated');
    const holdout = group('holdout');
    return {
      spendMinor: liftMeasure(welchLiftOf(treated.spend, holdout.spend, minGroup)),
      visits: liftMeasure(welchLiftOf(treated.visits, holdout.visits, minGroup)),
    };
  };
  // One shop seen: its members' rows there are the whole population (liftsOfRows filters them so).
  const whole = shops === null ? '' : (shops[0] ?? '');
  return {
    lift: figures('activeBefore', whole),
    liftAmongBuyers: figures('buyers', whole),
    atShop: (shopId) => figures('activeBefore', shops === null || shopId === whole ? shopId : '\u0000'),
  };
}

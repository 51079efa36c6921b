import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { CampaignEffectAnswer, EffectFigures } from '../../shared/admin/campaignEffect';
import { Campaign } from '../../shared/domain/campaigns/campaign';
import type { ShopFilter } from '../admin/reports';
import { HoError } from '../http/errors';
import { MIN_LIFT_GROUP } from '../stats/liftInterval';
import type { HoDb } from '../store/connect';
import { campaigns, members, sales } from '../store/schema';
import { tiersAt } from '../tiers/tiersAt';
import { campaignLift, type MemberShopBuying } from './campaignLift';
import { heldOutOf } from './holdoutOnServer';
import { keptBuying, liftsByKept } from './keptLift';
import { keptSumsAnswer, liftsByKeptSums } from './keptLiftSums';
import { keptLedger, type ShopLedger } from './ledgerFigures';
import { liftsBySums, type LiftsBySums } from './liftSums';
import { pointValue, pointsCostMinor, type PointValue } from './programmeValue';

// A campaign's effect (README.md): what its ledger rows gave and the sales they name (kept per shop by
// migration 0022, ledgerFigures.ts) and the lift against its holdout from its members' buying in and before
// its window (kept in ho_campaign_members once published, its group sums too where they answer exactly).

const DAY_MS = 86_400_000;
/** The look-back is as long as the window, at most this long (migration 0020 keeps sales back to it: change both). */
export const MAX_LOOKBACK_MS = 90 * DAY_MS;

/** The lift's window: from the start to its end (now while running), the look-back as long, within bounds. */
export function liftWindow(campaign: Pick<Campaign, 'startsAt' | 'endsAt'>, now: number) {
  const from = campaign.startsAt;
  const to = Math.max(from, Math.min(campaign.endsAt, now));
  return { lookbackFrom: from - Math.min(Math.max(to - from, DAY_MS), MAX_LOOKBACK_MS), from, to };
}

/** Members' sales from the look-back to the window's end, per member and shop, split at the start. */
async function buying(db: HoDb, lookbackFrom: number, from: number, to: number): Promise<MemberShopBuying[]> {
  const during = sql`${sales.createdAt} >= ${from}`;
  const rows = await db
    .select({
      memberId: sql<string>`${sales.memberId}`,
      shopId: sales.shopId,
      joinedAt: members.createdAt,
      visitsBefore: sql<number>`count(*) FILTER (WHERE NOT (${during}))::int`,
      visitsDuring: sql<number>`count(*) FILTER (WHERE ${during})::int`,
      spendDuringMinor: sql<string>`coalesce(sum(${sales.totalMinor}) FILTER (WHERE ${during}), 0)::text`,
    })
    .from(sales)
    .innerJoin(members, eq(members.id, sales.memberId))
    .where(and(gte(sales.createdAt, lookbackFrom), lt(sales.createdAt, to), isNotNull(sales.memberId)))
    .groupBy(sales.memberId, sales.shopId, members.createdAt);
  return rows.map((r) => ({
    memberId: r.memberId,
    shopId: r.shopId,
    joinedAt: Number(r.joinedAt),
    visitsBefore: Number(r.visitsBefore),
    visitsDuring: Number(r.visitsDuring),
    spendDuringMinor: Number(r.spendDuringMinor),
  }));
}

function figures(row: Omit<ShopLedger, 'shopId'>, value: PointValue): EffectFigures {
  return {
    participants: row.participants,
    attributedSales: row.salesCount,
    attributedSalesMinor: row.salesMinor,
    pointsIssued: row.pointsIssued,
    pointsNet: row.pointsNet,
    costMinor: pointsCostMinor(row.pointsIssued, value),
  };
}

/**
 * The lifts: a published campaign's from its kept members (keptLift.ts), a draft's from its window's sales
 * (liftSums.ts), both summed by PostgreSQL; a tiers campaign's by campaignLift over the same rows (kept or
 * read), its target being the kept tier history at the start.
 */
async function liftsOf(
  db: HoDb,
  campaign: Campaign,
  window: { lookbackFrom: number; from: number; to: number },
  shops: ShopFilter,
  minGroup: number,
  now: number,
): Promise<LiftsBySums> {
  if (keptSumsAnswer(campaign, window.lookbackFrom, shops)) return liftsByKeptSums(db, campaign.id, shops, minGroup);
  if (campaign.target.kind !== 'tiers')
    return campaign.published
      ? liftsByKept(db, campaign, window.lookbackFrom, shops, minGroup)
      : liftsBySums(db, campaign, window, shops, minGroup);
  const { lookbackFrom, from, to } = window;
  const all = campaign.published
    ? await keptBuying(db, campaign.id, lookbackFrom)
    : await buying(db, lookbackFrom, from, to);
  const rows = all.filter((r) => shops === null || shops.includes(r.shopId));
  const heldOut = heldOutOf(campaign);
  const tierAtStart = await tiersAt(
    db,
    rows.map((r) => r.memberId),
    from,
    now,
  );
  const lift = (population: 'activeBefore' | 'buyers', of: readonly MemberShopBuying[]) =>
    campaignLift(campaign, of, population, minGroup, heldOut, tierAtStart);
  return {
    lift: lift('activeBefore', rows),
    liftAmongBuyers: lift('buyers', rows),
    atShop: (shopId) =>
      lift(
        'activeBefore',
        rows.filter((r) => r.shopId === shopId),
      ),
  };
}

/** The effect of one campaign, overall and at each shop the caller sees (`shops` null: every shop). */
export async function campaignEffect(
  db: HoDb,
  campaignId: string,
  now: number,
  shops: ShopFilter,
  minGroup: number = MIN_LIFT_GROUP,
): Promise<CampaignEffectAnswer> {
  const [stored] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!stored) throw new HoError('NOT_FOUND', `No campaign ${campaignId}.`);
  const campaign = Campaign.parse(stored.campaign);
  const { lookbackFrom, from, to } = liftWindow(campaign, now);

  const value = await pointValue(db);
  const { byShop, participants } = await keptLedger(db, campaign.id, shops);
  const zero = { participants: 0, pointsIssued: 0, pointsNet: 0, salesCount: 0, salesMinor: 0 };
  const total = byShop.reduce(
    (t, r) => ({
      ...t,
      pointsIssued: t.pointsIssued + r.pointsIssued,
      pointsNet: t.pointsNet + r.pointsNet,
      salesCount: t.salesCount + r.salesCount,
      salesMinor: t.salesMinor + r.salesMinor,
    }),
    zero,
  );
  const lifts = await liftsOf(db, campaign, { lookbackFrom, from, to }, shops, minGroup, now);
  return {
    campaignId: campaign.id,
    from,
    to,
    lookbackFrom,
    minGroup,
    overall: figures({ ...total, participants }, value),
    lift: lifts.lift,
    liftAmongBuyers: lifts.liftAmongBuyers,
    shops: byShop.map(({ shopId, ...row }) => ({ shopId, figures: figures(row, value), lift: lifts.atShop(shopId) })),
  };
}

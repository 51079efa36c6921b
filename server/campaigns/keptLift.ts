import { and, eq, gte, gt, or, sql } from 'drizzle-orm';
import type { Campaign } from '../../shared/domain/campaigns/campaign';
import type { ShopFilter } from '../admin/reports';
import type { HoDb } from '../store/connect';
import { campaignMembers } from '../store/schema';
import type { MemberShopBuying } from './campaignLift';
import { liftsOfRows, seenSql, targetedAtStartSql, type LiftsBySums } from './liftSums';

// A published campaign's lifts from ho_campaign_members (README.md, "The lift, kept"): one read by the
// campaign's key, as many rows as its members by shop, never its sales. Active before = a sale at the
// shop from `lookbackFrom` (its latest before the start is kept); visits and spend = its sales from the
// start. The same groupings as the raw read (liftsBySums), so the same figures.

/** The lifts of a published campaign (not a tiers one) with the look-back starting at `lookbackFrom`. */
export async function liftsByKept(
  db: HoDb,
  campaign: Pick<Campaign, 'id' | 'target' | 'startsAt'>,
  lookbackFrom: number,
  shops: ShopFilter,
  minGroup: number,
): Promise<LiftsBySums> {
  const targeted = targetedAtStartSql(campaign.target, campaign.startsAt, sql`k.member_id`, sql`k.joined_at`);
  if (!targeted) throw new Error('a tiers campaign is lifted by campaignLift');
  const active = sql`coalesce(k.last_before_at >= ${lookbackFrom}, FALSE)`;
  return liftsOfRows(
    db,
    sql`
      SELECT k.member_id, k.shop_id, k.held, ${active}::int AS before, k.visits::bigint AS visits,
        k.spend_minor::numeric AS spend
      FROM ho_campaign_members k
      WHERE k.campaign_id = ${campaign.id} AND (${active} OR k.visits > 0)
        AND ${seenSql(shops, sql`k.shop_id`)} AND ${targeted}`,
    minGroup,
  );
}

/**
 * A published tiers campaign's members by shop for campaignLift (its target needs the tier history):
 * `visitsBefore` is 1 for a member active at the shop in the look-back, else 0 (campaignLift asks only
 * whether it is above 0).
 */
export async function keptBuying(db: HoDb, campaignId: string, lookbackFrom: number): Promise<MemberShopBuying[]> {
  const k = campaignMembers;
  const rows = await db
    .select({
      memberId: k.memberId,
      shopId: k.shopId,
      joinedAt: k.joinedAt,
      active: sql<boolean>`coalesce(${k.lastBeforeAt} >= ${lookbackFrom}, FALSE)`,
      visitsDuring: k.visits,
      spendDuringMinor: k.spendMinor,
    })
    .from(k)
    .where(and(eq(k.campaignId, campaignId), or(gte(k.lastBeforeAt, lookbackFrom), gt(k.visits, 0))));
  return rows.map(({ active, ...r }) => ({
    ...r,
    joinedAt: Number(r.joinedAt),
    visitsBefore: active ? 1 : 0,
    visitsDuring: Number(r.visitsDuring),
    spendDuringMinor: Number(r.spendDuringMinor),
  }));
}

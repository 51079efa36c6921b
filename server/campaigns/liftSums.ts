import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { LiftFigures } from '../../shared/admin/campaignEffect';
import type { Campaign, CampaignTarget } from '../../shared/domain/campaigns/campaign';
import type { ShopFilter } from '../admin/reports';
import { summaryOfSums, welchLiftOf, type GroupSummary } from '../stats/liftInterval';
import type { HoDb } from '../store/connect';
import { rowsOf } from '../sync/jsonInsert';
import { liftMeasure } from './campaignLift';
import { heldOutSql } from './holdoutOnServer';

// campaignLift's answer with PostgreSQL doing the grouping: per member (and per member and shop) in
// the window, the holdout split and the target in SQL, each group handed back as count, sum and sum
// of squares (exact integers), so no member's row travels to JavaScript. A tiers campaign's target
// needs the kept tier history and stays with campaignLift (campaignEffect.ts).

const DAY_MS = 86_400_000;

/** targetedAtStart (campaignLift.ts) in SQL, for every kind but tiers (null: not expressible here). */
export function targetedAtStartSql(target: CampaignTarget, startsAt: number, memberId: SQL, joinedAt: SQL) {
  switch (target.kind) {
    case 'everyone':
      return sql`TRUE`;
    case 'newMembers':
      return sql`${joinedAt} >= ${startsAt - target.withinDays * DAY_MS}`;
    case 'segment':
      return sql`${memberId} IN (SELECT value
        FROM json_array_elements_text(${JSON.stringify(target.memberIds)}::json))`;
    case 'tiers':
      return null;
  }
}

const GroupRow = z.object({
  population: z.enum(['activeBefore', 'buyers']),
  shop_id: z.string().nullable(),
  held: z.boolean(),
  n: z.string(),
  spend: z.string(),
  spend_sq: z.string(),
  visits: z.string(),
  visits_sq: z.string(),
});

export interface LiftsBySums {
  lift: LiftFigures;
  liftAmongBuyers: LiftFigures;
  /** One shop's lift among those active before (a shop with no member of the window: empty groups). */
  atShop: (shopId: string) => LiftFigures;
}

const empty = (): GroupSummary => ({ n: 0, mean: 0, variance: 0 });

/** Each shop filter's SQL over a shop id column (null: every shop). */
export function seenSql(shops: ShopFilter, shopId: SQL): SQL {
  return shops === null
    ? sql`TRUE`
    : sql`${shopId} IN (SELECT value FROM json_array_elements_text(${JSON.stringify(shops)}::json))`;
}

/** The lifts of a campaign (not a tiers one) over its members' sales from `lookbackFrom` to `to`, split at `from`. */
export async function liftsBySums(
  db: HoDb,
  campaign: Pick<Campaign, 'id' | 'target' | 'holdoutBp' | 'startsAt'>,
  window: { lookbackFrom: number; from: number; to: number },
  shops: ShopFilter,
  minGroup: number,
): Promise<LiftsBySums> {
  const targeted = targetedAtStartSql(campaign.target, campaign.startsAt, sql`w.member_id`, sql`w.joined_at`);
  if (!targeted) throw new Error('a tiers campaign is lifted by campaignLift');
  const { lookbackFrom, from, to } = window;
  return liftsOfRows(
    db,
    sql`
      SELECT w.member_id, w.shop_id, ${heldOutSql(campaign, sql`w.member_id`)} AS held, w.before, w.visits, w.spend
      FROM (
        SELECT s.member_id, s.shop_id, m.created_at AS joined_at,
          count(*) FILTER (WHERE s.created_at < ${from}) AS before,
          count(*) FILTER (WHERE s.created_at >= ${from}) AS visits,
          coalesce(sum(s.total_minor) FILTER (WHERE s.created_at >= ${from}), 0) AS spend
        FROM ho_sales s JOIN ho_members m ON m.id = s.member_id
        WHERE s.created_at >= ${lookbackFrom} AND s.created_at < ${to} AND s.member_id IS NOT NULL
          AND ${seenSql(shops, sql`s.shop_id`)}
        GROUP BY s.member_id, s.shop_id, m.created_at
      ) w WHERE ${targeted}`,
    minGroup,
  );
}

/**
 * The three groupings (in all, among buyers, per shop) of a window's targeted rows, each group as count, sum
 * and sum of squares. `meant`: member_id, shop_id, held, before (> 0: active before), visits, spend.
 */
export async function liftsOfRows(db: HoDb, meant: SQL, minGroup: number): Promise<LiftsBySums> {
  const sums = (value: string) =>
    sql.raw(`sum(${value})::text AS ${value}, sum(${value} * ${value})::text AS ${value}_sq`);
  const result = await db.execute(sql`
    WITH meant AS (${meant}), per_member AS (
      SELECT member_id, held, sum(before) AS before, sum(visits) AS visits, sum(spend) AS spend
      FROM meant GROUP BY member_id, held
    )
    SELECT 'activeBefore' AS population, NULL::text AS shop_id, held, count(*)::text AS n,
        ${sums('spend')}, ${sums('visits')}
      FROM per_member WHERE before > 0 GROUP BY held
    UNION ALL
    SELECT 'buyers', NULL, held, count(*)::text, ${sums('spend')}, ${sums('visits')}
      FROM per_member WHERE visits > 0 GROUP BY held
    UNION ALL
    SELECT 'activeBefore', shop_id, held, count(*)::text, ${sums('spend')}, ${sums('visits')}
      FROM meant WHERE before > 0 GROUP BY shop_id, held`);
  const groups = new Map<string, { spend: GroupSummary; visits: GroupSummary }>();
  for (const raw of rowsOf(result)) {
    const r = GroupRow.parse(raw);
    const n = Number(r.n);
    groups.set(`${r.population}\n${r.shop_id ?? ''}\n${r.held ? 'holdout' : 'treated'}`, {
      spend: summaryOfSums(n, BigInt(r.spend), BigInt(r.spend_sq)),
      visits: summaryOfSums(n, BigInt(r.visits), BigInt(r.visits_sq)),
    });
  }
  const figures = (population: string, shopId: string): LiftFigures => {
    const treated = groups.get(`${population}\n${shopId}\ntreated`) ?? { spend: empty(), visits: empty() };
    const holdout = groups.get(`${population}\n${shopId}\nholdout`) ?? { spend: empty(), visits: empty() };
    return {
      spendMinor: liftMeasure(welchLiftOf(treated.spend, holdout.spend, minGroup)),
      visits: liftMeasure(welchLiftOf(treated.visits, holdout.visits, minGroup)),
    };
  };
  return {
    lift: figures('activeBefore', ''),
    liftAmongBuyers: figures('buyers', ''),
    atShop: (shopId) => figures('activeBefore', shopId),
  };
}

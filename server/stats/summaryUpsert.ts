import { sql } from 'drizzle-orm';
import { DEFAULT_SHOP_TIME_ZONE, TimeZone } from '../../shared/sync/timeZone';
import type { HoDb } from '../store/connect';
import { settings } from '../store/schema';
import { idList, insertJsonRows } from '../sync/jsonInsert';
import { summaryDeltas, type SummarySource } from './summaryDeltas';

// Adds a batch's rows to the statistics summaries in the caller's transaction (README.md): one
// upsert per table, each row's deltas summed into what is there. Call it exactly once per row
// inserted, in the transaction that inserts it.

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const zoneKey = (shopId: string): string => `timeZone:shop:${shopId}`;

/** The zones of the shops a batch names, in one read (the default zone for a shop no till named one for). */
async function shopZones(tx: HoDb, shopIds: string[]): Promise<(shopId: string | null) => string> {
  const rows =
    shopIds.length === 0
      ? []
      : await tx
          .select()
          .from(settings)
          .where(sql`${settings.key} IN ${idList(shopIds.map(zoneKey))}`);
  const zones = new Map<string, string>();
  for (const r of rows) {
    const zone = TimeZone.safeParse(r.value);
    if (zone.success) zones.set(r.key, zone.data);
  }
  return (shopId) => (shopId === null ? undefined : zones.get(zoneKey(shopId))) ?? DEFAULT_SHOP_TIME_ZONE;
}

const DAILY_COLUMNS = [
  'sales_count',
  'sales_minor',
  'member_sales_count',
  'member_sales_minor',
  'refunds_count',
  'refunds_minor',
  'new_members',
  'points_earned',
  'points_redeemed',
  'points_expired',
  'points_reversed',
  'points_adjusted',
] as const;

export async function addToSummaries(tx: HoDb, src: SummarySource): Promise<void> {
  if (src.sales.length + src.refunds.length + src.ledger.length + src.newMembers.length === 0) return;
  const shopIds = new Set<string>();
  for (const l of src.ledger) shopIds.add(l.shopId);
  for (const m of src.newMembers) if (m.homeShopId) shopIds.add(m.homeShopId);
  const zoneOf = await shopZones(tx, [...shopIds]);
  // In key order: two transactions adding to the same rows lock them in the same order (no deadlock).
  const deltas = summaryDeltas(src, zoneOf);
  const days = deltas.days.sort((x, y) => (x.shopId === y.shopId ? cmp(x.day, y.day) : cmp(x.shopId, y.shopId)));
  const members = deltas.members.sort((x, y) => cmp(x.memberId, y.memberId));
  const months = deltas.months.sort((x, y) =>
    x.memberId === y.memberId ? cmp(x.month, y.month) : cmp(x.memberId, y.memberId),
  );
  await insertJsonRows(
    tx,
    'ho_daily_shop',
    { shop_id: 'text', day: 'text', ...Object.fromEntries(DAILY_COLUMNS.map((c) => [c, 'bigint'])) },
    days.map((d) => ({
      shop_id: d.shopId,
      day: d.day,
      sales_count: d.salesCount,
      sales_minor: d.salesMinor,
      member_sales_count: d.memberSalesCount,
      member_sales_minor: d.memberSalesMinor,
      refunds_count: d.refundsCount,
      refunds_minor: d.refundsMinor,
      new_members: d.newMembers,
      points_earned: d.pointsEarned,
      points_redeemed: d.pointsRedeemed,
      points_expired: d.pointsExpired,
      points_reversed: d.pointsReversed,
      points_adjusted: d.pointsAdjusted,
    })),
    sql.raw(
      `ON CONFLICT (shop_id, day) DO UPDATE SET ${DAILY_COLUMNS.map(
        (c) => `${c} = ho_daily_shop.${c} + excluded.${c}`,
      ).join(', ')}`,
    ),
  );
  // A refund moves spend only: its day opens a row only for a member with none (a sale from before summaries, or
  // one still offline), and the member's first sale replaces that day: the days are the sales', as rebuilt.
  await insertJsonRows(
    tx,
    'ho_member_activity',
    { member_id: 'text', first_day: 'text', last_day: 'text', visits: 'bigint', spend_minor: 'bigint' },
    members.map((m) => ({
      member_id: m.memberId,
      first_day: m.day,
      last_day: m.visitDay ?? m.day,
      visits: m.visits,
      spend_minor: m.spendMinor,
    })),
    sql.raw(
      `ON CONFLICT (member_id) DO UPDATE SET
        first_day = CASE WHEN excluded.visits = 0 THEN ho_member_activity.first_day
          WHEN ho_member_activity.visits = 0 THEN excluded.first_day
          ELSE LEAST(ho_member_activity.first_day, excluded.first_day) END,
        last_day = CASE WHEN excluded.visits = 0 THEN ho_member_activity.last_day
          WHEN ho_member_activity.visits = 0 THEN excluded.last_day
          ELSE GREATEST(ho_member_activity.last_day, excluded.last_day) END,
        visits = ho_member_activity.visits + excluded.visits,
        spend_minor = ho_member_activity.spend_minor + excluded.spend_minor`,
    ),
  );
  await addToMonths(tx, months);
}

/**
 * ho_member_month's upsert, and ho_month_buyers counting each (member, month) the batch turns from no
 * purchase into one (its visits before = after − this batch's): a month's buyers are then one row.
 * GREATEST ignores a null (a refund-only delta keeps the month's latest purchase).
 */
async function addToMonths(tx: HoDb, months: ReturnType<typeof summaryDeltas>['months']): Promise<void> {
  if (months.length === 0) return;
  const rows = months.map((m) => ({
    member_id: m.memberId,
    month: m.month,
    last_day: m.lastDay,
    visits: m.visits,
    spend_minor: m.spendMinor,
  }));
  await tx.execute(sql`
    WITH src AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS r(member_id text, month text, last_day text, visits bigint, spend_minor bigint)
    ), summed AS (
      INSERT INTO ho_member_month (member_id, month, last_day, visits, spend_minor)
      SELECT member_id, month, last_day, visits, spend_minor FROM src
      ON CONFLICT (member_id, month) DO UPDATE SET
        last_day = GREATEST(ho_member_month.last_day, excluded.last_day),
        visits = ho_member_month.visits + excluded.visits,
        spend_minor = ho_member_month.spend_minor + excluded.spend_minor
      RETURNING member_id, month, visits
    )
    INSERT INTO ho_month_buyers (month, buyers)
    SELECT summed.month, count(*) FROM summed JOIN src USING (member_id, month)
    WHERE summed.visits > 0 AND summed.visits - src.visits <= 0
    GROUP BY summed.month
    ON CONFLICT (month) DO UPDATE SET buyers = ho_month_buyers.buyers + excluded.buyers`);
}

/** Ledger rows head office writes itself (adjustments, its expiry, campaign take-backs): counted like a till's. */
export async function addLedgerToSummaries(tx: HoDb, rows: SummarySource['ledger']): Promise<void> {
  await addToSummaries(tx, { sales: [], refunds: [], newMembers: [], ledger: rows });
}

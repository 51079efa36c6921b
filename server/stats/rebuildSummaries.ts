import { sql } from 'drizzle-orm';
import { DEFAULT_SHOP_TIME_ZONE } from '../../shared/sync/timeZone';
import type { HoDb } from '../store/connect';

// The summaries rebuilt from the rows in one pass of SQL (README.md): for a database that held
// sales before the summaries existed, and as an independent check of what the deriver keeps.
// Run in one transaction with derivation stopped (it replaces both tables whole).

const day = (ms: string, shop: string): string =>
  `to_char(to_timestamp(${ms} / 1000.0) AT TIME ZONE coalesce((SELECT s.value #>> '{}' FROM ho_settings s
    WHERE s.key = 'timeZone:shop:' || ${shop}), '${DEFAULT_SHOP_TIME_ZONE}'), 'YYYY-MM-DD')`;

const ZERO = (n: number): string => Array.from({ length: n }, () => '0').join(', ');

export async function rebuildSummaries(tx: HoDb): Promise<void> {
  await tx.execute(sql`DELETE FROM ho_daily_shop`);
  await tx.execute(sql`DELETE FROM ho_member_activity`);
  await tx.execute(sql`DELETE FROM ho_member_month`);
  await tx.execute(sql`DELETE FROM ho_month_buyers`);
  // The kept RFM trend is computed from ho_member_month: again from the rebuilt rows (rfmTrend.ts).
  await tx.execute(sql`DELETE FROM ho_rfm_month`);
  // A campaign's attributed sales (the trigger of migration 0018 keeps them on every earn row's insert).
  await tx.execute(sql`DELETE FROM ho_campaign_sales`);
  await tx.execute(sql`INSERT INTO ho_campaign_sales (campaign_id, sale_id, shop_id, total_minor)
    SELECT DISTINCT l.campaign_id, l.sale_id, s.shop_id, s.total_minor
    FROM ho_ledger l JOIN ho_sales s ON s.id = l.sale_id
    WHERE l.kind = 'earn' AND l.campaign_id IS NOT NULL`);
  // Its ledger figures per shop, earners and participants (migration 0022's function, which its triggers keep by).
  await tx.execute(sql`SELECT ho_campaign_effect_refill()`);
  // Each published campaign's members by shop, from its look-back and window, and its lift's sums (migration
  // 0020's function as 0022 made it, which its triggers keep by).
  await tx.execute(sql`DELETE FROM ho_campaign_members`);
  await tx.execute(sql`DELETE FROM ho_campaign_lift_sums`);
  await tx.execute(sql`SELECT ho_campaign_members_refill(id) FROM ho_campaigns
    WHERE (campaign->>'published')::boolean ORDER BY id`);
  // Columns: sales, member sales, refunds (count, minor each), new members, five points columns.
  await tx.execute(
    sql.raw(`INSERT INTO ho_daily_shop (shop_id, day, sales_count, sales_minor, member_sales_count,
      member_sales_minor, refunds_count, refunds_minor, new_members, points_earned, points_redeemed,
      points_expired, points_reversed, points_adjusted)
    SELECT shop_id, day, sum(a), sum(b), sum(c), sum(d), sum(e), sum(f), sum(g), sum(h), sum(i), sum(j), sum(k), sum(l)
    FROM (
      SELECT shop_id, business_day AS day, 1 AS a, total_minor AS b, (member_id IS NOT NULL)::int AS c,
        CASE WHEN member_id IS NULL THEN 0 ELSE total_minor END AS d, ${ZERO(8)}
      FROM ho_sales
      UNION ALL
      SELECT shop_id, business_day, ${ZERO(4)}, 1, amount_minor, ${ZERO(6)} FROM ho_refunds
      UNION ALL
      SELECT coalesce(home_shop_id, ''), ${day('created_at', "coalesce(home_shop_id, '')")}, ${ZERO(6)}, 1, ${ZERO(5)}
      FROM ho_members
      UNION ALL
      SELECT shop_id, ${day('created_at', 'shop_id')}, ${ZERO(7)},
        CASE WHEN kind = 'earn' THEN delta ELSE 0 END,
        CASE WHEN kind IN ('spend', 'redeem') THEN -delta ELSE 0 END,
        CASE WHEN kind = 'expire' THEN -delta ELSE 0 END,
        CASE WHEN kind = 'reversal' THEN -delta ELSE 0 END,
        CASE WHEN kind = 'adjust' THEN delta ELSE 0 END
      FROM ho_ledger
    ) AS r(shop_id, day, a, b, c, d, e, f, g, h, i, j, k, l)
    GROUP BY shop_id, day`),
  );
  // A refund's member is its sale's: every member with a refund has a sale, so sales give the days. The
  // refunds summed per member once and joined (ho_refunds has no member index: a subquery per member
  // read them all again for each one, hours at the bench's middle size).
  await tx.execute(
    sql.raw(`INSERT INTO ho_member_activity (member_id, first_day, last_day, visits, spend_minor)
    SELECT s.member_id, min(s.business_day), max(s.business_day), count(*),
      sum(s.total_minor) - coalesce(max(f.minor), 0)
    FROM ho_sales s
    LEFT JOIN (SELECT member_id, sum(amount_minor) AS minor FROM ho_refunds WHERE member_id IS NOT NULL
      GROUP BY member_id) f ON f.member_id = s.member_id
    WHERE s.member_id IS NOT NULL
    GROUP BY s.member_id`),
  );
  await tx.execute(
    sql.raw(`INSERT INTO ho_member_month (member_id, month, last_day, visits, spend_minor)
    SELECT member_id, month, max(last_day), sum(visits), sum(spend)
    FROM (
      SELECT member_id, substr(business_day, 1, 7), business_day, 1, total_minor
      FROM ho_sales WHERE member_id IS NOT NULL
      UNION ALL
      SELECT member_id, substr(business_day, 1, 7), NULL, 0, -amount_minor FROM ho_refunds WHERE member_id IS NOT NULL
    ) AS r(member_id, month, last_day, visits, spend)
    GROUP BY member_id, month`),
  );
  // Each buyer's closed gaps between purchase days (migration 0023's function, which its trigger keeps by).
  await tx.execute(sql`SELECT ho_sales_gaps_refill()`);
  // The later buyers' spend changes per day (migration 0024's function, which its triggers keep by).
  await tx.execute(sql`SELECT ho_later_spend_refill()`);
  await tx.execute(sql`INSERT INTO ho_month_buyers (month, buyers)
    SELECT month, count(*) FROM ho_member_month WHERE visits > 0 GROUP BY month`);
}

import type { Campaign } from '../../../../shared/domain/campaigns/campaign';
import { holdoutSql } from './hoCampaigns';
import { LOT_LIFE_MS, type HoDatasetSize } from './hoSize';

// The generated rows, each table in ONE set-based statement (generate_series, or a pass over the
// sales just written), never a row per round trip. Uses the session functions of hoFunctions.ts.
// Shares: 70 % of sales have a member (heavy buyers at the low member numbers), 80 % of a member's
// sales at their home shop, 5 % of member sales spend 100 points, 1 % are half refunded, a quarter
// of the lots older than a year expire, one sale in a thousand gets a manager's adjustment.

const shopId = (n: string): string => `'bench-shop-' || lpad((${n})::text, 2, '0')`;
const tillId = (n: string): string => `'bench-till-' || lpad((${n})::text, 2, '0')`;

export function shopsSql(size: HoDatasetSize, startMs: number): string[] {
  return [
    `INSERT INTO ho_shops (id, name, created_at)
     SELECT ${shopId('s')}, 'Bench shop ' || s, ${startMs} FROM generate_series(1, ${size.shops}) s`,
    `INSERT INTO ho_terminals (id, shop_id, terminal_code, name, token_hash, status, enrolled_at)
     SELECT ${tillId('s')}, ${shopId('s')}, 'T' || s, 'Bench till', md5(s::text), 'active', ${startMs}
     FROM generate_series(1, ${size.shops}) s`,
  ];
}

export function membersSql(size: HoDatasetSize): string {
  return `INSERT INTO ho_members (id, name, phone, card_number, home_shop_id, origin_terminal_id, created_at,
      updated_at)
    SELECT pg_temp.uuid_of(m, 1), 'Member ' || m, '1' || lpad(m::text, 10, '0'), 'C' || lpad(m::text, 10, '0'),
      ${shopId('pg_temp.home_shop(m)')}, ${tillId('pg_temp.home_shop(m)')}, pg_temp.joined_at(m), pg_temp.joined_at(m)
    FROM generate_series(1, ${size.members}::bigint) m`;
}

export function salesSql(size: HoDatasetSize, startMs: number, endMs: number): string {
  const spanMs = endMs - startMs;
  return `INSERT INTO ho_sales (id, terminal_id, shop_id, seq, member_id, card_number, subtotal_minor, discount_minor,
      total_minor, points_earned, points_spent, rule_version, currency, business_day, created_at)
    SELECT pg_temp.uuid_of(j, 2), ${tillId('b.shop')}, ${shopId('b.shop')}, j, pg_temp.uuid_of(a.m, 1),
      'C' || lpad(a.m::text, 10, '0'), b.total + b.spent, b.spent, b.total,
      CASE WHEN a.m IS NULL THEN 0 ELSE b.total / 100 END, b.spent, 1, 'CNY', pg_temp.business_day(b.at), b.at
    FROM generate_series(1, ${size.sales}::bigint) j
    CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.frac(j, 1) < 0.7
      THEN 1 + floor(${size.members} * pg_temp.frac(j, 2) ^ 2)::bigint END AS m) a
    CROSS JOIN LATERAL (SELECT
      CASE WHEN a.m IS NULL THEN 1 + floor(${size.shops} * pg_temp.frac(j, 7) ^ 1.5)::int
        WHEN pg_temp.frac(j, 8) < 0.8 THEN pg_temp.home_shop(a.m)
        ELSE 1 + floor(${size.shops} * pg_temp.frac(j, 7))::int END AS shop,
      CASE WHEN a.m IS NULL THEN ${startMs}::bigint + floor(${spanMs} * sqrt(pg_temp.frac(j, 4)))::bigint
        ELSE pg_temp.joined_at(a.m) + floor((${endMs} - pg_temp.joined_at(a.m)) * pg_temp.frac(j, 4))::bigint END AS at,
      500 + floor(30000 * pg_temp.frac(j, 6) ^ 2)::bigint AS total,
      CASE WHEN a.m IS NOT NULL AND pg_temp.frac(j, 9) < 0.05 THEN 100 ELSE 0 END AS spent) b`;
}

/** Half of 1 % of the sales back, the sale's points reversed in proportion: refund id = sale seq, prefix 4. */
export function refundsSql(): string {
  return `INSERT INTO ho_refunds (id, sale_id, terminal_id, shop_id, seq, member_id, settlement, amount_minor,
      points_reversed, points_returned, business_day, created_at)
    SELECT pg_temp.uuid_of(seq, 4), id, terminal_id, shop_id, seq, member_id, 'terminal', total_minor / 2,
      points_earned / 2, 0, pg_temp.business_day(created_at + 3600000), created_at + 3600000
    FROM ho_sales WHERE pg_temp.frac(seq, 11) < 0.01`;
}

/**
 * Every ledger row in one pass over the sales: earn (a lot living a year), spend, the expiry of a
 * quarter of the lots a year old by the end, each campaign's bonus for the members outside its
 * holdout, a refund's reversal, an adjustment now and then.
 */
export function ledgerSql(endMs: number, campaigns: readonly Campaign[]): string {
  const columns = `kind, delta, campaign_id, sale_id, refund_id, reverses_id, terminal_id, shop_id, created_at,
    expires_at, lot_id`;
  const row = (id: string, rest: string) => `SELECT ${id}, member_id, ${rest} FROM ho_sales s`;
  const parts = [
    `${row(
      `'e' || seq`,
      `'earn', points_earned, NULL, id, NULL, NULL, terminal_id, shop_id, created_at,
      created_at + ${LOT_LIFE_MS}, NULL`,
    )} WHERE points_earned > 0`,
    `${row(`'s' || seq`, `'spend', -points_spent, NULL, id, NULL, NULL, terminal_id, shop_id, created_at, NULL, NULL`)}
      WHERE points_spent > 0`,
    `${row(
      `'x' || seq`,
      `'expire', -points_earned, NULL, NULL, NULL, NULL, terminal_id, shop_id,
      created_at + ${LOT_LIFE_MS}, NULL, 'e' || seq`,
    )}
      WHERE points_earned > 0 AND created_at + ${LOT_LIFE_MS} < ${endMs} AND pg_temp.frac(seq, 10) < 0.25`,
    `${row(
      `'r' || seq`,
      `'reversal', -(points_earned / 2), NULL, NULL, pg_temp.uuid_of(seq, 4), 'e' || seq,
      terminal_id, shop_id, created_at + 3600000, NULL, 'e' || seq`,
    )}
      WHERE points_earned >= 2 AND pg_temp.frac(seq, 11) < 0.01`,
    `${row(
      `'a' || seq`,
      `'adjust', 50, NULL, NULL, NULL, NULL, terminal_id, shop_id, created_at + 7200000,
      NULL, NULL`,
    )}
      WHERE member_id IS NOT NULL AND pg_temp.frac(seq, 12) < 0.001`,
    ...campaigns.map(
      (c, k) => `${row(
        `'c${k}-' || seq`,
        `'earn', points_earned / 2, '${c.id}', id, NULL, NULL, terminal_id, shop_id,
        created_at, created_at + ${LOT_LIFE_MS}, NULL`,
      )}
        WHERE points_earned >= 2 AND created_at >= ${c.startsAt} AND created_at < ${c.endsAt}
          AND NOT ${holdoutSql(c, 'member_id')}`,
    ),
  ];
  return `INSERT INTO ho_ledger (id, member_id, ${columns}) ${parts.join('\n    UNION ALL ')}`;
}

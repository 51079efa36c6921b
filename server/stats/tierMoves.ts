import { sql } from 'drizzle-orm';
import { DEFAULT_SHOP_TIME_ZONE } from '../../shared/sync/timeZone';
import type { HoDb } from '../store/connect';
import { insertJsonRows } from '../sync/jsonInsert';

// ho_tier_moves (README.md "Tier views"): each ho_tier_changes row counted once per (home shop,
// local day, from, to), in the transaction that appends it. '' is "no tier" and "no home shop".

export interface TierMove {
  shopId: string | null;
  day: string;
  fromTier: string | null;
  toTier: string | null;
}

/** Adds the moves of appended tier changes (upserted in key order: two writers never deadlock). */
export async function addTierMoves(tx: HoDb, moves: readonly TierMove[]): Promise<void> {
  const counted = new Map<
    string,
    { day: string; shop_id: string; from_tier: string; to_tier: string; changes: number }
  >();
  for (const m of moves) {
    const row = { day: m.day, shop_id: m.shopId ?? '', from_tier: m.fromTier ?? '', to_tier: m.toTier ?? '' };
    const key = [row.day, row.shop_id, row.from_tier, row.to_tier].join('\u0000');
    const known = counted.get(key);
    if (known) known.changes += 1;
    else counted.set(key, { ...row, changes: 1 });
  }
  const rows = [...counted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  await insertJsonRows(
    tx,
    'ho_tier_moves',
    { day: 'text', shop_id: 'text', from_tier: 'text', to_tier: 'text', changes: 'bigint' },
    rows,
    sql.raw(
      'ON CONFLICT (day, shop_id, from_tier, to_tier) DO UPDATE SET changes = ho_tier_moves.changes + excluded.changes',
    ),
  );
}

/**
 * ho_tier_moves again from ho_tier_changes in one pass (zones by PostgreSQL's tz data, as
 * rebuildSummaries.ts): for a database whose history was kept before the moves were, and as a check.
 */
export async function rebuildTierMoves(tx: HoDb): Promise<void> {
  await tx.execute(sql`DELETE FROM ho_tier_moves`);
  await tx.execute(
    sql.raw(`INSERT INTO ho_tier_moves (day, shop_id, from_tier, to_tier, changes)
    SELECT to_char(to_timestamp(c.at / 1000.0) AT TIME ZONE coalesce((SELECT s.value #>> '{}' FROM ho_settings s
        WHERE s.key = 'timeZone:shop:' || coalesce(m.home_shop_id, '')), '${DEFAULT_SHOP_TIME_ZONE}'), 'YYYY-MM-DD'),
      coalesce(m.home_shop_id, ''), coalesce(c.from_tier, ''), coalesce(c.to_tier, ''), count(*)
    FROM ho_tier_changes c LEFT JOIN ho_members m ON m.id = c.member_id
    GROUP BY 1, 2, 3, 4`),
  );
}

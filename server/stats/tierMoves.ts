import { sql } from 'drizzle-orm';
import { DEFAULT_SHOP_TIME_ZONE } from '../../shared/sync/timeZone';
import type { HoDb } from '../store/connect';
import { insertJsonRows } from '../sync/jsonInsert';

// ho_tier_moves (README.md "Tier views"): each ho_tier_changes row counted once per (home shop,
// local day, from, to), in the transaction that appends it. '' is "no tier" and "no home shop".

/**
 * The to_tier of a merged duplicate's last move, on the day of the merge (no tier code has `~`): it is no
 * member from then on, and its own history after the merge is not counted.
 */
export const MERGED_OUT = '~merged';

// The home shop's zone (PostgreSQL's tz data), as dayIn gives it in the writers.
const localDay = (at: string, shop: string): string =>
  `to_char(to_timestamp(${at} / 1000.0) AT TIME ZONE coalesce((SELECT s.value #>> '{}' FROM ho_settings s
        WHERE s.key = 'timeZone:shop:' || coalesce(${shop}, '')), '${DEFAULT_SHOP_TIME_ZONE}'), 'YYYY-MM-DD')`;

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
    SELECT ${localDay('c.at', 'm.home_shop_id')},
      coalesce(m.home_shop_id, ''), coalesce(c.from_tier, ''), coalesce(c.to_tier, ''), count(*)
    FROM ho_tier_changes c LEFT JOIN ho_members m ON m.id = c.member_id
      LEFT JOIN ho_member_merges mm ON mm.duplicate_id = c.member_id
    WHERE mm.merged_at IS NULL OR c.at <= mm.merged_at
    GROUP BY 1, 2, 3, 4`),
  );
  await countMergesInTierMoves(tx);
}

/**
 * Every merge's move out (MERGED_OUT), from the duplicate's tier then: its last change up to the merge,
 * else the ladder's entry tier (where the views count a member with no change). Into moves counted without.
 */
export async function countMergesInTierMoves(tx: HoDb): Promise<void> {
  await tx.execute(
    sql.raw(`INSERT INTO ho_tier_moves (day, shop_id, from_tier, to_tier, changes)
    SELECT ${localDay('mm.merged_at', 'm.home_shop_id')}, coalesce(m.home_shop_id, ''),
      CASE WHEN last.member_id IS NULL THEN coalesce((SELECT t ->> 'code' FROM ho_settings s,
          jsonb_array_elements(s.value) t WHERE s.key = 'tiers' ORDER BY (t ->> 'rank')::int LIMIT 1), '')
        ELSE coalesce(last.to_tier, '') END,
      '${MERGED_OUT}', count(*)
    FROM ho_member_merges mm JOIN ho_members m ON m.id = mm.duplicate_id
      LEFT JOIN LATERAL (SELECT c.member_id, c.to_tier FROM ho_tier_changes c
        WHERE c.member_id = mm.duplicate_id AND c.at <= mm.merged_at ORDER BY c.at DESC, c.id DESC LIMIT 1) last ON true
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (day, shop_id, from_tier, to_tier) DO UPDATE SET changes = ho_tier_moves.changes + excluded.changes`),
  );
}

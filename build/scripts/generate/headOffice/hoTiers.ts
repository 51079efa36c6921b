// A tier history for the generated head office, so the tier views read a summary of a real size:
// a three-tier ladder, and from each member's buying (ho_member_activity, rebuilt just before) an
// upgrade to SILVER on their third purchase's day at the latest, GOLD at their latest purchase for the
// frequent, and a step down half a year on for those who stopped. Then ho_tier_moves by head office's
// own rebuild (server/stats/tierMoves.ts).

const LADDER = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 1000 },
  { code: 'GOLD', name: 'Gold', rank: 3, qualifyPoints: 5000 },
];

/** Noon in Shanghai of a YYYY-MM-DD column, plus `days`, as epoch ms. */
const noon = (day: string, days = 0): string =>
  `((${day}::date - date '1970-01-01' + ${days}) * 86400000::bigint + 4 * 3600000)`;

export function tierHistorySql(endMs: number): string[] {
  return [
    `INSERT INTO ho_settings (key, value) VALUES ('tiers', '${JSON.stringify(LADDER)}'::jsonb)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    `INSERT INTO ho_tier_changes (member_id, from_tier, to_tier, reason, at, shop_id, record_id)
      SELECT member_id, 'BRONZE', 'SILVER', 'earned', least(${noon('first_day', 30)}, ${noon('last_day')}), NULL, NULL
      FROM ho_member_activity WHERE visits >= 3
      UNION ALL
      SELECT member_id, 'SILVER', 'GOLD', 'earned', ${noon('last_day')} + 1, NULL, NULL
      FROM ho_member_activity WHERE visits >= 12
      UNION ALL
      SELECT member_id, CASE WHEN visits >= 12 THEN 'GOLD' ELSE 'SILVER' END, 'BRONZE', 'expiry',
        ${noon('last_day', 180)}, NULL, NULL
      FROM ho_member_activity WHERE visits >= 3 AND ${noon('last_day', 180)} <= ${endMs}`,
  ];
}

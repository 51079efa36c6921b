import type { TerminalDb } from '../../db/open';
import type { DayReport } from '../../shared/contract/dayReport';

/** The figures of one business day kept by their business_day column: the close sends a subset of them. */
export type DayFigures = Pick<DayReport, 'sales' | 'memberSales' | 'redemptions' | 'refunds'> & {
  points: Pick<DayReport['points'], 'earned' | 'spent'>;
};

/**
 * THE computation of a business day's sales, points, redemptions and refunds at this till, for the
 * manager's end-of-day report and the nightly close alike. Only this till writes these tables, and
 * each row is written with its outbox record in one transaction, so they hold what was sent.
 * Each query is an indexed range on business_day (sales_day_idx, redemptions_day_idx, refunds_day_idx).
 */
export function dayFigures(db: TerminalDb, businessDay: string): DayFigures {
  const client = db.$client;
  const s = client
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(total_minor), 0) AS amount,
              coalesce(sum(member_id IS NOT NULL), 0) AS memberN,
              coalesce(sum(CASE WHEN member_id IS NOT NULL THEN total_minor ELSE 0 END), 0) AS memberAmount,
              coalesce(sum(points_earned), 0) AS earned, coalesce(sum(points_spent), 0) AS spent
       FROM sales WHERE business_day = ?`,
    )
    .get(businessDay) as {
    n: number;
    amount: number;
    memberN: number;
    memberAmount: number;
    earned: number;
    spent: number;
  };
  const byReward = client
    .prepare(
      `SELECT r.reward_id AS rewardId, coalesce(w.code, '') AS code, coalesce(w.name, '') AS name,
              count(*) AS count, sum(r.quantity) AS quantity, sum(r.points) AS points
       FROM redemptions r LEFT JOIN rewards w ON w.id = r.reward_id
       WHERE r.business_day = ? GROUP BY r.reward_id ORDER BY points DESC, code`,
    )
    .all(businessDay) as DayFigures['redemptions']['byReward'];
  const f = client
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(amount_minor), 0) AS amount, coalesce(sum(points_reversed), 0) AS reversed
       FROM refunds WHERE business_day = ?`,
    )
    .get(businessDay) as { n: number; amount: number; reversed: number };
  const redeemed = byReward.reduce((sum, r) => sum + r.points, 0);
  return {
    sales: { count: s.n, amountMinor: s.amount },
    memberSales: { count: s.memberN, amountMinor: s.memberAmount },
    points: { earned: s.earned, spent: s.spent + redeemed },
    redemptions: { count: byReward.reduce((n, r) => n + r.count, 0), points: redeemed, byReward },
    refunds: { count: f.n, amountMinor: f.amount, pointsReversed: f.reversed },
  };
}

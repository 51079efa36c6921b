import type { DailyShopRow } from '../../../shared/admin/stats';
import { addDays, NO_DAILY_FIGURES } from '../../../shared/admin/stats';
import type { AdminClient } from '../../../shared/admin/client';
import type { StatsQuery } from './statsView';

/** One day's figures over the shops asked for. */
export type DailyTotal = Omit<DailyShopRow, 'shopId'>;

const FIGURES = [
  'salesCount',
  'salesMinor',
  'memberSalesCount',
  'memberSalesMinor',
  'refundsCount',
  'refundsMinor',
  'newMembers',
  'pointsEarned',
  'pointsRedeemed',
  'pointsExpired',
  'pointsReversed',
  'pointsAdjusted',
] as const satisfies readonly Exclude<keyof DailyTotal, 'day'>[];

const zero = (day: string): DailyTotal => ({ day, ...NO_DAILY_FIGURES });

/** Every day from `from` to `to` (a day without a row had nothing: zeros), the shops' figures summed. */
export function dailyTotals(rows: readonly DailyShopRow[], from: string, to: string): DailyTotal[] {
  const byDay = new Map<string, DailyTotal>();
  for (let day = from; day <= to; day = addDays(day, 1)) byDay.set(day, zero(day));
  for (const row of rows) {
    const total = byDay.get(row.day);
    if (total) for (const key of FIGURES) total[key] += row[key];
  }
  return [...byDay.values()];
}

/** statsDaily for the query, summed per day. */
export async function loadDailyTotals(admin: AdminClient, query: StatsQuery): Promise<DailyTotal[]> {
  const { days } = await admin.call('statsDaily', {
    query: { from: query.from, to: query.to, ...(query.shop ? { shop: query.shop } : {}) },
  });
  return dailyTotals(days, query.from, query.to);
}

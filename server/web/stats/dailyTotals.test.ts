import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DailyShopRow } from '../../../shared/admin/stats';
import { dailyTotals } from './dailyTotals';

const row = (shopId: string, day: string, salesMinor: number, pointsEarned = 0): DailyShopRow => ({
  shopId,
  day,
  salesCount: 1,
  salesMinor,
  memberSalesCount: 0,
  memberSalesMinor: 0,
  refundsCount: 0,
  refundsMinor: 0,
  newMembers: 0,
  pointsEarned,
  pointsRedeemed: 0,
  pointsExpired: 0,
  pointsReversed: 0,
  pointsAdjusted: 0,
});

describe('daily totals', () => {
  it('has every day of the range, the shops summed, a day without rows as zeros', () => {
    const days = dailyTotals(
      [row('a', '2026-02-28', 100, 1), row('b', '2026-02-28', 250, 2), row('a', '2026-03-02', 7)],
      '2026-02-27',
      '2026-03-02',
    );
    expect(days.map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(days.map((d) => d.salesMinor)).toEqual([0, 350, 0, 7]);
    expect(days.map((d) => d.salesCount)).toEqual([0, 2, 0, 1]);
    expect(days[1]?.pointsEarned).toBe(3);
  });

  it('loses nothing and invents nothing: the sum over days is the sum over rows in the range', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-05-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), day, fc.integer({ min: 0, max: 1_000_000 })), {
          maxLength: 40,
        }),
        (rows) => {
          const totals = dailyTotals(
            rows.map(([shop, d, minor]) => row(shop, d, minor)),
            '2026-05-05',
            '2026-05-20',
          );
          const inRange = rows.filter(([, d]) => d >= '2026-05-05' && d <= '2026-05-20');
          expect(totals).toHaveLength(16);
          expect(totals.reduce((s, d) => s + d.salesMinor, 0)).toBe(inRange.reduce((s, [, , m]) => s + m, 0));
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { DailyTotal } from '../dailyTotals';
import { dailyChart } from '../dailyChart';
import { tableOf } from '../statsView';
import { STATS_VIEWS } from '.';
import { memberShareView } from './memberShareView';
import { salesView } from './salesView';
import { pointsNet } from './pointsView';

const day = (d: string, over: Partial<DailyTotal> = {}): DailyTotal => ({
  day: d,
  salesCount: 0,
  salesMinor: 0,
  memberSalesCount: 0,
  memberSalesMinor: 0,
  refundsCount: 0,
  refundsMinor: 0,
  newMembers: 0,
  pointsEarned: 0,
  pointsRedeemed: 0,
  pointsExpired: 0,
  pointsReversed: 0,
  pointsAdjusted: 0,
  ...over,
});

describe('the chart option of daily series', () => {
  it('has a day axis by month-day, one value axis per kind, each series on its axis', () => {
    const option = dailyChart(
      ['2026-03-01', '2026-03-02'],
      [
        { name: 'Members', type: 'bar', values: [1.5, 2], stack: 's' },
        { name: 'Share', type: 'line', values: [50, null], axis: 1 },
      ],
      ['money', 'share'],
    );
    expect(option.xAxis.data).toEqual(['03-01', '03-02']);
    expect(option.yAxis.map((a) => a.axisLabel)).toEqual([{}, { formatter: '{value}%' }]);
    expect(option.series).toEqual([
      { name: 'Members', type: 'bar', data: [1.5, 2], yAxisIndex: 0, stack: 's' },
      { name: 'Share', type: 'line', data: [50, null], yAxisIndex: 1, showSymbol: true },
    ]);
  });
});

describe('the daily views', () => {
  it('each has its own id and a day first', () => {
    expect(new Set(STATS_VIEWS.map((v) => v.id)).size).toBe(STATS_VIEWS.length);
  });

  it("members' share: member and other sales stack, the share in per cent (none on a day without sales)", () => {
    const days = [
      day('2026-03-01', { salesMinor: 16_800, memberSalesMinor: 12_300, memberSalesCount: 1 }),
      day('2026-03-02'),
    ];
    const { spec } = memberShareView;
    expect(tableOf(spec.columns, days).rows).toEqual([
      ['2026-03-01', 16_800, 12_300, 4_500, 1, 12_300 / 16_800],
      ['2026-03-02', 0, 0, 0, 0, null],
    ]);
    const chart = spec.chart(days, (key) => key, 'en');
    expect(chart).toMatchObject({
      series: [
        { name: 'memberSalesAmount', data: [123, 0], stack: 'sales' },
        { name: 'guestSalesAmount', data: [45, 0], stack: 'sales' },
        { name: 'memberShare', data: [73.2, null], yAxisIndex: 1 },
      ],
    });
  });

  it('points net is earned − redeemed − expired − reversed + adjusted', () => {
    expect(
      pointsNet(
        day('d', { pointsEarned: 100, pointsRedeemed: 30, pointsExpired: 5, pointsReversed: 10, pointsAdjusted: -2 }),
      ),
    ).toBe(53);
  });
});

describe('sales and average basket', () => {
  it('the basket is the amount over the sales, rounded to the cent; none without sales', () => {
    const days = [day('2026-03-01', { salesCount: 3, salesMinor: 1_000 }), day('2026-03-02')];
    expect(tableOf(salesView.spec.columns, days).rows.map((r) => r[3])).toEqual([333, null]);
    expect(salesView.spec.chart(days, (key) => key, 'en')).toMatchObject({ series: [{}, { data: [3.33, null] }] });
  });
});

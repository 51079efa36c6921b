import { describe, expect, it } from 'vitest';
import type { AdminResponse } from '../../../../shared/admin/client';
import { csvRows } from '../cells';
import { tableOf } from '../statsView';
import { moveRows, tierMovesView } from './tierMovesView';
import { tierRows, tiersView } from './tiersView';

// The tier views' tables and charts from small answers worked out by hand (the routes' own figures:
// server/stats/tierViews.test.ts).

const tiers = [
  { code: 'BRONZE', name: 'Bronze' },
  { code: 'GOLD', name: 'Gold' },
];
const distribution: AdminResponse<'statsTiers'> = {
  from: '2025-02-01',
  to: '2025-03-31',
  period: 'month',
  tiers,
  periods: [
    {
      key: '2025-02-01',
      from: '2025-02-01',
      to: '2025-02-28',
      members: 4,
      noTier: 0,
      byTier: [3, 1],
      byTierBp: [7500, 2500],
    },
    {
      key: '2025-03-01',
      from: '2025-03-01',
      to: '2025-03-31',
      members: 8,
      noTier: 1,
      byTier: [5, 2],
      byTierBp: [6250, 2500],
    },
  ],
};
const moves: AdminResponse<'statsTierMoves'> = {
  from: '2025-02-01',
  to: '2025-03-31',
  period: 'month',
  tiers,
  periods: [
    { key: '2025-02-01', from: '2025-02-01', to: '2025-02-28', upgrades: 1, downgrades: 0 },
    { key: '2025-03-01', from: '2025-03-01', to: '2025-03-31', upgrades: 2, downgrades: 1 },
  ],
  moves: [
    { fromTier: null, toTier: 'BRONZE', changes: 1 },
    { fromTier: 'BRONZE', toTier: 'GOLD', changes: 2 },
    { fromTier: 'GOLD', toTier: 'BRONZE', changes: 1 },
  ],
};

describe('the tier distribution view', () => {
  it('lists each tier as of the last period, its share and change since the first; no tier when any had none', () => {
    const rows = tierRows(distribution);
    expect(tableOf(tiersView.spec.columns, rows).rows).toEqual([
      ['Bronze', 5, 0.625, 3, 2],
      ['Gold', 2, 0.25, 1, 1],
      ['noTier', 1, 0.125, 0, 1],
    ]);
    expect(csvRows(tableOf(tiersView.spec.columns, rows), 'zh-CN')[3]).toEqual(['无等级', 1, 12.5, 0, 1]);
    expect(tiersView.spec.chart(rows, (key) => `<${key}>`, 'en')).toMatchObject({
      xAxis: { data: ['2025-02', '2025-03'] },
      series: [
        { name: 'Bronze', data: [3, 5], stack: 'tiers' },
        { name: 'Gold', data: [1, 2], stack: 'tiers' },
        { name: '<noTier>', data: [0, 1], stack: 'tiers' },
      ],
    });
    // Nobody without a tier: no such row.
    const none = { ...distribution, periods: distribution.periods.map((p) => ({ ...p, noTier: 0 })) };
    expect(tierRows(none).map((r) => r.tier)).toEqual(['Bronze', 'Gold']);
  });
});

describe('the tier movement view', () => {
  it('lists each from → to pair with its direction; the chart: upgrades and downgrades per period', () => {
    const rows = moveRows(moves);
    expect(tableOf(tierMovesView.spec.columns, rows).rows).toEqual([
      ['noTier', 'Bronze', 'upgrade', 1],
      ['Bronze', 'Gold', 'upgrade', 2],
      ['Gold', 'Bronze', 'downgrade', 1],
    ]);
    expect(csvRows(tableOf(tierMovesView.spec.columns, rows), 'en')).toEqual([
      ['From tier', 'To tier', 'Direction', 'Members moved'],
      ['No tier', 'Bronze', 'Upgrade', 1],
      ['Bronze', 'Gold', 'Upgrade', 2],
      ['Gold', 'Bronze', 'Downgrade', 1],
    ]);
    expect(tierMovesView.spec.chart(rows, (key) => key, 'en')).toMatchObject({
      xAxis: { data: ['2025-02', '2025-03'] },
      series: [
        { name: 'upgrades', data: [1, 2] },
        { name: 'downgrades', data: [0, 1] },
      ],
    });
  });
});

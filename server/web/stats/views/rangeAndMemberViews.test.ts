import { describe, expect, it } from 'vitest';
import type { AdminResponse } from '../../../../shared/admin/client';
import { csvRows } from '../cells';
import { tableOf } from '../statsView';
import { activeMeasures, activeView } from './activeView';
import { frequencyBands } from './frequencyView';
import { growthView } from './growthView';
import { scoreRows } from './rfmScoresView';
import { rfmView, segmentRows } from './rfmView';

// The views' tables and charts from small answers worked out by hand (the routes' own figures are
// proven in server/stats/statsViews.test.ts).

const activity: AdminResponse<'statsActivity'> = {
  asOf: '2025-03-05',
  membersTotal: 20,
  buyers: 5,
  active30: 3,
  active90: 4,
  active30Bp: 1500,
  active90Bp: 2000,
  frequency: [
    { band: '1', members: 2 },
    { band: '2', members: 1 },
    { band: '3-5', members: 1 },
    { band: '6-10', members: 1 },
    { band: '>10', members: 0 },
  ],
};

const segments = (champions: number, lost: number) =>
  (['champions', 'loyal', 'potential', 'new', 'needsAttention', 'atRisk', 'hibernating', 'lost'] as const).map(
    (segment) => ({ segment, members: segment === 'champions' ? champions : segment === 'lost' ? lost : 0 }),
  );
const rfm: AdminResponse<'statsRfm'> = {
  asOf: '2025-03-05',
  buyers: 4,
  thresholds: { recencyDays: [30, 24, 3, 1], visits: [2, 4, 6, 12], spendMinor: [3000, 9000, 12000, 50000] },
  recency: [1, 0, 1, 1, 1],
  frequency: [0, 1, 1, 1, 1],
  monetary: [1, 1, 1, 1, 0],
  segments: segments(3, 1),
  trend: [
    { month: '2025-02', buyers: 2, segments: segments(1, 1) },
    { month: '2025-03', buyers: 4, segments: segments(3, 1) },
  ],
};

describe('member growth', () => {
  it('names a month by YYYY-MM, the growth in per cent of the members at the start', async () => {
    const answer: AdminResponse<'statsGrowth'> = {
      from: '2025-02-01',
      to: '2025-03-05',
      period: 'month',
      periods: [
        {
          key: '2025-02-01',
          from: '2025-02-01',
          to: '2025-02-28',
          newMembers: 5,
          membersAtStart: 10,
          membersAtEnd: 15,
          growthBp: 5000,
        },
        {
          key: '2025-03-01',
          from: '2025-03-01',
          to: '2025-03-05',
          newMembers: 0,
          membersAtStart: 0,
          membersAtEnd: 0,
          growthBp: null,
        },
      ],
    };
    const rows = answer.periods.map((p) => ({ ...p, period: answer.period }));
    expect(tableOf(growthView.spec.columns, rows).rows).toEqual([
      ['2025-02', 5, 10, 15, 0.5],
      ['2025-03', 0, 0, 0, null],
    ]);
    expect(growthView.spec.chart(rows, (k) => k, 'en')).toMatchObject({
      xAxis: { data: ['2025-02', '2025-03'] },
      series: [{ data: [5, 0] }, { data: [50, null], yAxisIndex: 1 }],
    });
  });
});

describe('active members and visit frequency', () => {
  it('lists all, buyers, active in 30 and 90 days with their share of all members', () => {
    expect(activeMeasures(activity)).toEqual([
      { measure: 'membersTotal', members: 20, share: 1 },
      { measure: 'buyers', members: 5, share: 0.25 },
      { measure: 'active30', members: 3, share: 0.15 },
      { measure: 'active90', members: 4, share: 0.2 },
    ]);
    // The measure reads in the page's language, in the table and in the CSV.
    const table = tableOf(activeView.spec.columns, activeMeasures(activity));
    expect(csvRows(table, 'zh-CN')[3]).toEqual(['近 30 天有消费', 3, 15]);
    expect(csvRows(table, 'en')[0]).toEqual(['Measure', 'Members', 'Share of all members (%)']);
  });

  it('gives each band its share of the members who bought; none when nobody has', () => {
    expect(frequencyBands(activity).map((b) => b.share)).toEqual([0.4, 0.2, 0.2, 0.2, 0]);
    expect(frequencyBands({ ...activity, buyers: 0 }).every((b) => b.share === null)).toBe(true);
  });
});

describe('RFM', () => {
  it('lists each segment now, its share, its size at the oldest month end and the change', () => {
    const rows = segmentRows(rfm);
    const table = tableOf(rfmView.spec.columns, rows);
    expect(table.rows[0]).toEqual(['champions', 3, 0.75, 1, 2]);
    expect(table.rows[7]).toEqual(['lost', 1, 0.25, 1, 0]);
    expect(csvRows(table, 'zh-CN')[1]?.[0]).toBe('重要价值会员');
    const chart = rfmView.spec.chart(rows, (k) => k, 'en');
    expect(chart).toMatchObject({ xAxis: { data: ['2025-02', '2025-03'] } });
    expect(chart).toHaveProperty('series.length', 8);
    expect(chart).toHaveProperty(['series', 0], expect.objectContaining({ name: 'Champions', data: [1, 3] }));
  });

  it('reads each score with the cut it takes: score s reaches cut s − 1, score 1 none', () => {
    expect(scoreRows(rfm)).toEqual([
      { score: 5, recency: 1, frequency: 1, monetary: 0, recencyDays: 1, visits: 12, spendMinor: 50000 },
      { score: 4, recency: 1, frequency: 1, monetary: 1, recencyDays: 3, visits: 6, spendMinor: 12000 },
      { score: 3, recency: 1, frequency: 1, monetary: 1, recencyDays: 24, visits: 4, spendMinor: 9000 },
      { score: 2, recency: 0, frequency: 1, monetary: 1, recencyDays: 30, visits: 2, spendMinor: 3000 },
      { score: 1, recency: 1, frequency: 0, monetary: 1, recencyDays: null, visits: null, spendMinor: null },
    ]);
  });
});

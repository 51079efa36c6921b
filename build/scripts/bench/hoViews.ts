import type { AdminClient } from '../../../shared/admin/client';
import { addDays } from '../../../shared/admin/stats';
import type { StatsPeriod } from '../../../shared/stats/periods';
import { dailyStats } from '../../../server/admin/stats/dailyStats';
import { activityView, rfmView } from '../../../server/admin/stats/memberViews';
import { growthView, pointsView, shopsView, spendView } from '../../../server/admin/stats/rangeViews';
import { tierMovesView, tiersView } from '../../../server/admin/stats/tierViews';
import { campaignEffect } from '../../../server/campaigns/campaignEffect';
import type { HoDb } from '../../../server/store/connect';
import type { HoDataset } from './hoDataset';

/**
 * One statistics view asked one typical way: over HTTP as the page asks it, and in process with the
 * same arguments head office's route passes (server/routes/admin.ts), to EXPLAIN what it runs.
 */
export interface ViewCase {
  view: string;
  asked: string;
  http(admin: AdminClient): Promise<unknown>;
  direct(db: HoDb): Promise<unknown>;
}

/** The views of the statistics area and a campaign's effect, over the ranges a manager looks at. */
export function viewCases(dataset: HoDataset): ViewCase[] {
  const to = dataset.endDay;
  const shop = 'bench-shop-01';
  const ranges = [
    { asked: 'last 30 days by day', from: addDays(to, -29), period: 'day' as StatsPeriod },
    { asked: 'last 12 months by month', from: addDays(to, -364), period: 'month' as StatsPeriod },
  ];
  const cases: ViewCase[] = [];
  for (const r of ranges)
    for (const one of [null, shop]) {
      const asked = `${r.asked}, ${one ?? 'all shops'}`;
      const shops = one === null ? null : [one];
      const range = { from: r.from, to, ...(one === null ? {} : { shop: one }) };
      const withPeriod = { ...range, period: r.period };
      const asked4 = { from: r.from, to, period: r.period, shops };
      cases.push(
        {
          view: 'statsDaily',
          asked,
          http: (a) => a.call('statsDaily', { query: range }),
          direct: (db) => dailyStats(db, r.from, to, shops),
        },
        {
          view: 'statsGrowth',
          asked,
          http: (a) => a.call('statsGrowth', { query: withPeriod }),
          direct: (db) => growthView(db, asked4),
        },
        {
          view: 'statsSpend',
          asked,
          http: (a) => a.call('statsSpend', { query: withPeriod }),
          direct: (db) => spendView(db, asked4),
        },
        {
          view: 'statsPoints',
          asked,
          http: (a) => a.call('statsPoints', { query: withPeriod }),
          direct: (db) => pointsView(db, asked4),
        },
        {
          view: 'statsTiers',
          asked,
          http: (a) => a.call('statsTiers', { query: withPeriod }),
          direct: (db) => tiersView(db, asked4, Date.now()),
        },
        {
          view: 'statsTierMoves',
          asked,
          http: (a) => a.call('statsTierMoves', { query: withPeriod }),
          direct: (db) => tierMovesView(db, asked4, Date.now()),
        },
      );
      if (one === null)
        cases.push({
          view: 'statsShops',
          asked,
          http: (a) => a.call('statsShops', { query: range }),
          direct: (db) => shopsView(db, { from: r.from, to, shops }),
        });
    }
  // A past day: the views read each buyer as they stood at it (server/stats/README.md, "As of a past day").
  for (const back of [10, 40]) {
    const day = addDays(to, -back);
    const from = addDays(day, -29);
    cases.push(
      {
        view: 'statsShops',
        asked: `30 days up to ${back} days before the last, all shops`,
        http: (a) => a.call('statsShops', { query: { from, to: day } }),
        direct: (db) => shopsView(db, { from, to: day, shops: null }),
      },
      {
        view: 'statsActivity',
        asked: `as of ${back} days before the last`,
        http: (a) => a.call('statsActivity', { query: { asOf: day } }),
        direct: (db) => activityView(db, day),
      },
      {
        view: 'statsRfm',
        asked: `as of ${back} days before the last, 12-month trend`,
        http: (a) => a.call('statsRfm', { query: { asOf: day, months: 12 } }),
        direct: (db) => rfmView(db, day, 12),
      },
    );
  }
  const campaignId = dataset.campaignIds[0] ?? '';
  cases.push(
    {
      view: 'statsActivity',
      asked: `as of ${to}`,
      http: (a) => a.call('statsActivity', { query: { asOf: to } }),
      direct: (db) => activityView(db, to),
    },
    {
      view: 'statsRfm',
      asked: `as of ${to}, 12-month trend`,
      http: (a) => a.call('statsRfm', { query: { asOf: to, months: 12 } }),
      direct: (db) => rfmView(db, to, 12),
    },
    {
      view: 'campaignEffect',
      asked: 'the latest campaign',
      http: (a) => a.call('campaignEffect', { params: { id: campaignId } }),
      direct: (db) => campaignEffect(db, campaignId, Date.now(), null),
    },
  );
  return cases;
}

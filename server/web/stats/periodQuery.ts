import type { StatsPeriod } from '../../../shared/stats/periods';
import type { StatsQuery } from './statsView';

// What the views of periods and of "as of" a day send, and how their rows are named.

/** The query of a route of periods (statsGrowth, statsSpend, statsPoints): the filter as it is. */
export const periodQuery = (q: StatsQuery) => ({
  query: { from: q.from, to: q.to, period: q.period, ...(q.shop ? { shop: q.shop } : {}) },
});

/** The query of a route of a range without periods (statsShops). */
export const rangeQuery = (q: StatsQuery) => ({
  query: { from: q.from, to: q.to, ...(q.shop ? { shop: q.shop } : {}) },
});

/** Basis points as a share (0..1), null kept: the table shows it in per cent. */
export const bpShare = (bp: number | null): number | null => (bp === null ? null : bp / 10_000);

/** A period as its table row names it: its first day, a month as YYYY-MM. */
export const periodName = (key: string, period: StatsPeriod): string => (period === 'month' ? key.slice(0, 7) : key);

/** A period as the chart's axis names it: month-day (a month: YYYY-MM). */
export const periodAxisName = (key: string, period: StatsPeriod): string =>
  period === 'month' ? key.slice(0, 7) : key.slice(5);

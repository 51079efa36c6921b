import type { EChartsCoreOption } from 'echarts/core';

/** What a chart's value axis counts: money (in major units), counts or points, or a share in per cent. */
export type AxisKind = 'money' | 'count' | 'share';

export interface DailySeries {
  readonly name: string;
  readonly type: 'bar' | 'line';
  readonly values: readonly (number | null)[];
  /** 0: the left axis; 1: the right one. */
  readonly axis?: 0 | 1;
  /** Bars with the same stack sit on each other. */
  readonly stack?: string;
}

/** Minor units as the chart plots them (major units: the axis reads like the till's amounts). */
export const major = (minor: number): number => minor / 100;
/** A share (0..1) as the chart plots it: per cent. */
export const perCent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

/** A day as the axis names it: month-day (the year is in the range above the chart). */
const dayLabel = (day: string): string => day.slice(5);

/** Series over days: a category axis of days, one or two value axes, a legend and a tooltip. */
export const dailyChart = (days: readonly string[], series: readonly DailySeries[], axes: readonly AxisKind[]) =>
  seriesChart(days.map(dayLabel), series, axes);

/** Series over named categories (days, periods, shops, segments): as dailyChart, the names as given. */
export function seriesChart(categories: readonly string[], series: readonly DailySeries[], axes: readonly AxisKind[]) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    // Past four series the legend takes a second line (the RFM segments' eight).
    grid: { left: 8, right: 8, top: series.length > 4 ? 64 : 36, bottom: 8, containLabel: true },
    // A few named categories (measures, bands, shops) each keep their name, wrapped, rather than skip some.
    xAxis: {
      type: 'category',
      data: [...categories],
      ...(categories.length <= 8 ? { axisLabel: { interval: 0, width: 88, overflow: 'break' } } : {}),
    },
    yAxis: axes.map((kind, index) => ({
      type: 'value',
      minInterval: kind === 'count' ? 1 : undefined,
      axisLabel: kind === 'share' ? { formatter: '{value}%' } : {},
      splitLine: { show: index === 0 },
    })),
    series: series.map((s) => ({
      name: s.name,
      type: s.type,
      data: [...s.values],
      yAxisIndex: s.axis ?? 0,
      ...(s.stack ? { stack: s.stack } : {}),
      // A line's dots help over a fortnight; over a month they hide the line.
      ...(s.type === 'line' ? { showSymbol: categories.length <= 14 } : {}),
    })),
  } satisfies EChartsCoreOption;
}

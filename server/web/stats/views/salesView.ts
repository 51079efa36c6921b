import { loadDailyTotals, type DailyTotal } from '../dailyTotals';
import { dailyChart, major } from '../dailyChart';
import { statsView } from '../statsView';

/** Sales and the average basket (amount / sales) per day; refunds beside them. */
const averageBasket = (d: DailyTotal): number | null =>
  d.salesCount === 0 ? null : Math.round(d.salesMinor / d.salesCount);

export const salesView = statsView<DailyTotal>({
  id: 'sales',
  title: 'view_sales',
  reads: 'statsDaily',
  load: loadDailyTotals,
  latestFirst: true,
  columns: [
    { header: 'day', kind: 'day', value: (d) => d.day },
    { header: 'salesCount', kind: 'count', value: (d) => d.salesCount },
    { header: 'salesAmount', kind: 'money', value: (d) => d.salesMinor },
    { header: 'averageBasket', kind: 'money', value: averageBasket },
    { header: 'refundsCount', kind: 'count', value: (d) => d.refundsCount },
    { header: 'refundsAmount', kind: 'money', value: (d) => d.refundsMinor },
  ],
  chart: (days, label) =>
    dailyChart(
      days.map((d) => d.day),
      [
        { name: label('salesAmount'), type: 'bar', values: days.map((d) => major(d.salesMinor)) },
        {
          name: label('averageBasket'),
          type: 'line',
          values: days.map((d) => {
            const basket = averageBasket(d);
            return basket === null ? null : major(basket);
          }),
        },
      ],
      ['money'],
    ),
});

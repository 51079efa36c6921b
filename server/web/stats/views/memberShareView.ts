import { loadDailyTotals, type DailyTotal } from '../dailyTotals';
import { dailyChart, major, perCent } from '../dailyChart';
import { statsView } from '../statsView';

/** Members' share of each day's sales amount (null on a day without sales). */
const memberShare = (d: DailyTotal): number | null => (d.salesMinor === 0 ? null : d.memberSalesMinor / d.salesMinor);

export const memberShareView = statsView<DailyTotal>({
  id: 'memberShare',
  title: 'view_memberShare',
  reads: 'statsDaily',
  load: loadDailyTotals,
  latestFirst: true,
  columns: [
    { header: 'day', kind: 'day', value: (d) => d.day },
    { header: 'salesAmount', kind: 'money', value: (d) => d.salesMinor },
    { header: 'memberSalesAmount', kind: 'money', value: (d) => d.memberSalesMinor },
    { header: 'guestSalesAmount', kind: 'money', value: (d) => d.salesMinor - d.memberSalesMinor },
    { header: 'memberSalesCount', kind: 'count', value: (d) => d.memberSalesCount },
    { header: 'memberShare', kind: 'share', value: memberShare },
  ],
  chart: (days, label) =>
    dailyChart(
      days.map((d) => d.day),
      [
        {
          name: label('memberSalesAmount'),
          type: 'bar',
          stack: 'sales',
          values: days.map((d) => major(d.memberSalesMinor)),
        },
        {
          name: label('guestSalesAmount'),
          type: 'bar',
          stack: 'sales',
          values: days.map((d) => major(d.salesMinor - d.memberSalesMinor)),
        },
        { name: label('memberShare'), type: 'line', axis: 1, values: days.map((d) => perCent(memberShare(d))) },
      ],
      ['money', 'share'],
    ),
});

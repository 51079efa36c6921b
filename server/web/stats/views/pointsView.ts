import { loadDailyTotals, type DailyTotal } from '../dailyTotals';
import { dailyChart } from '../dailyChart';
import { statsView } from '../statsView';

/** Points a day added to balances, net (server/stats/README.md): earned − redeemed − expired − reversed + adjusted */
export const pointsNet = (d: DailyTotal): number =>
  d.pointsEarned - d.pointsRedeemed - d.pointsExpired - d.pointsReversed + d.pointsAdjusted;

export const pointsView = statsView<DailyTotal>({
  id: 'points',
  title: 'view_points',
  reads: 'statsDaily',
  load: loadDailyTotals,
  latestFirst: true,
  columns: [
    { header: 'day', kind: 'day', value: (d) => d.day },
    { header: 'pointsIssued', kind: 'points', value: (d) => d.pointsEarned },
    { header: 'pointsRedeemed', kind: 'points', value: (d) => d.pointsRedeemed },
    { header: 'pointsExpired', kind: 'points', value: (d) => d.pointsExpired },
    { header: 'pointsReversed', kind: 'points', value: (d) => d.pointsReversed },
    { header: 'pointsAdjusted', kind: 'points', value: (d) => d.pointsAdjusted },
    { header: 'pointsNet', kind: 'points', value: pointsNet },
  ],
  chart: (days, label) =>
    dailyChart(
      days.map((d) => d.day),
      [
        { name: label('pointsIssued'), type: 'bar', values: days.map((d) => d.pointsEarned) },
        { name: label('pointsRedeemed'), type: 'bar', values: days.map((d) => d.pointsRedeemed) },
        { name: label('pointsExpired'), type: 'bar', values: days.map((d) => d.pointsExpired) },
        { name: label('pointsNet'), type: 'line', values: days.map(pointsNet) },
      ],
      ['count'],
    ),
});

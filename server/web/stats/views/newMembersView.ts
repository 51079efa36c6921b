import { loadDailyTotals, type DailyTotal } from '../dailyTotals';
import { dailyChart } from '../dailyChart';
import { statsView } from '../statsView';

/** Members who joined each day. */
export const newMembersView = statsView<DailyTotal>({
  id: 'newMembers',
  title: 'view_newMembers',
  reads: 'statsDaily',
  load: loadDailyTotals,
  latestFirst: true,
  columns: [
    { header: 'day', kind: 'day', value: (d) => d.day },
    { header: 'newMembers', kind: 'count', value: (d) => d.newMembers },
  ],
  chart: (days, label) =>
    dailyChart(
      days.map((d) => d.day),
      [{ name: label('newMembers'), type: 'bar', values: days.map((d) => d.newMembers) }],
      ['count'],
    ),
});

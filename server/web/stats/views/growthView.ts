import type { AdminResponse } from '../../../../shared/admin/client';
import type { StatsPeriod } from '../../../../shared/stats/periods';
import { perCent, seriesChart } from '../dailyChart';
import { bpShare, periodAxisName, periodName, periodQuery } from '../periodQuery';
import { statsView } from '../statsView';

type GrowthPeriod = AdminResponse<'statsGrowth'>['periods'][number] & { period: StatsPeriod };

/** New members per day, week or month, the members at each end, growth = new ÷ members at the start. */
export const growthView = statsView<GrowthPeriod>({
  id: 'growth',
  title: 'view_growth',
  reads: 'statsGrowth',
  load: async (admin, q) => {
    const answer = await admin.call('statsGrowth', periodQuery(q));
    return answer.periods.map((p) => ({ ...p, period: answer.period }));
  },
  latestFirst: true,
  columns: [
    { header: 'periodStart', kind: 'day', value: (p) => periodName(p.key, p.period) },
    { header: 'newMembers', kind: 'count', value: (p) => p.newMembers },
    { header: 'membersAtStart', kind: 'count', value: (p) => p.membersAtStart },
    { header: 'membersAtEnd', kind: 'count', value: (p) => p.membersAtEnd },
    { header: 'growthRate', kind: 'share', value: (p) => bpShare(p.growthBp) },
  ],
  chart: (periods, label) =>
    seriesChart(
      periods.map((p) => periodAxisName(p.key, p.period)),
      [
        { name: label('newMembers'), type: 'bar', values: periods.map((p) => p.newMembers) },
        { name: label('growthRate'), type: 'line', axis: 1, values: periods.map((p) => perCent(bpShare(p.growthBp))) },
      ],
      ['count', 'share'],
    ),
});

import type { AdminResponse } from '../../../../shared/admin/client';
import type { StatsPeriod } from '../../../../shared/stats/periods';
import { seriesChart } from '../dailyChart';
import { bpShare, periodAxisName, periodName, periodQuery } from '../periodQuery';
import { statsView } from '../statsView';

type PointsPeriod = AdminResponse<'statsPoints'>['periods'][number] & { period: StatsPeriod };

/** Points issued, redeemed and expired per period; outstanding at its end, their liability in money, breakage. */
export const liabilityView = statsView<PointsPeriod>({
  id: 'liability',
  title: 'view_liability',
  reads: 'statsPoints',
  note: 'note_liability',
  load: async (admin, q) => {
    const answer = await admin.call('statsPoints', periodQuery(q));
    return answer.periods.map((p) => ({ ...p, period: answer.period }));
  },
  latestFirst: true,
  columns: [
    { header: 'periodStart', kind: 'day', value: (p) => periodName(p.key, p.period) },
    { header: 'pointsIssued', kind: 'points', value: (p) => p.issued },
    { header: 'pointsRedeemed', kind: 'points', value: (p) => p.redeemed },
    { header: 'pointsExpired', kind: 'points', value: (p) => p.expired },
    { header: 'outstanding', kind: 'points', value: (p) => p.outstandingAtEnd },
    { header: 'liability', kind: 'money', value: (p) => p.liabilityMinor },
    { header: 'breakage', kind: 'share', value: (p) => bpShare(p.breakageBp) },
  ],
  chart: (periods, label) =>
    seriesChart(
      periods.map((p) => periodAxisName(p.key, p.period)),
      [
        { name: label('pointsIssued'), type: 'bar', values: periods.map((p) => p.issued) },
        { name: label('pointsRedeemed'), type: 'bar', values: periods.map((p) => p.redeemed) },
        { name: label('pointsExpired'), type: 'bar', values: periods.map((p) => p.expired) },
        { name: label('outstanding'), type: 'line', axis: 1, values: periods.map((p) => p.outstandingAtEnd) },
      ],
      ['count', 'count'],
    ),
});

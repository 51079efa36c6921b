import type { AdminResponse } from '../../../../shared/admin/client';
import type { StatsPeriod } from '../../../../shared/stats/periods';
import { major, perCent, seriesChart } from '../dailyChart';
import { bpShare, periodAxisName, periodName, periodQuery } from '../periodQuery';
import { statsView } from '../statsView';

type SpendPeriod = AdminResponse<'statsSpend'>['periods'][number] & { period: StatsPeriod };

const majorOrNone = (minor: number | null): number | null => (minor === null ? null : major(minor));

/** Average baskets (all and members'), members' share of sales and amount, spend per member who bought. */
export const spendView = statsView<SpendPeriod>({
  id: 'spend',
  title: 'view_spend',
  reads: 'statsSpend',
  note: 'note_spend',
  load: async (admin, q) => {
    const answer = await admin.call('statsSpend', periodQuery(q));
    return answer.periods.map((p) => ({ ...p, period: answer.period }));
  },
  latestFirst: true,
  columns: [
    { header: 'periodStart', kind: 'day', value: (p) => periodName(p.key, p.period) },
    { header: 'averageBasket', kind: 'money', value: (p) => p.averageBasketMinor },
    { header: 'memberAverageBasket', kind: 'money', value: (p) => p.memberAverageBasketMinor },
    { header: 'memberShareCount', kind: 'share', value: (p) => bpShare(p.memberShareCountBp) },
    { header: 'memberShareAmount', kind: 'share', value: (p) => bpShare(p.memberShareAmountBp) },
    { header: 'activeBuyers', kind: 'count', value: (p) => p.activeMembers },
    { header: 'spendPerMember', kind: 'money', value: (p) => p.spendPerActiveMemberMinor },
  ],
  chart: (periods, label) =>
    seriesChart(
      periods.map((p) => periodAxisName(p.key, p.period)),
      [
        { name: label('averageBasket'), type: 'bar', values: periods.map((p) => majorOrNone(p.averageBasketMinor)) },
        {
          name: label('memberAverageBasket'),
          type: 'bar',
          values: periods.map((p) => majorOrNone(p.memberAverageBasketMinor)),
        },
        {
          name: label('memberShareAmount'),
          type: 'line',
          axis: 1,
          values: periods.map((p) => perCent(bpShare(p.memberShareAmountBp))),
        },
      ],
      ['money', 'share'],
    ),
});

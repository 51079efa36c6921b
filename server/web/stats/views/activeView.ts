import type { AdminResponse } from '../../../../shared/admin/client';
import { seriesChart } from '../dailyChart';
import { bpShare } from '../periodQuery';
import type { StatsTextKey } from '../statsText';
import { statsView } from '../statsView';

type Activity = AdminResponse<'statsActivity'>;
interface Measure {
  measure: StatsTextKey;
  members: number;
  /** Of all members (null: no members yet). */
  share: number | null;
}

/** The members as of the range's last day: all, those who ever bought, active in 30 and 90 days. */
export function activeMeasures(a: Activity): Measure[] {
  const of = (members: number) => (a.membersTotal === 0 ? null : members / a.membersTotal);
  return [
    { measure: 'membersTotal', members: a.membersTotal, share: a.membersTotal === 0 ? null : 1 },
    { measure: 'buyers', members: a.buyers, share: of(a.buyers) },
    { measure: 'active30', members: a.active30, share: bpShare(a.active30Bp) },
    { measure: 'active90', members: a.active90, share: bpShare(a.active90Bp) },
  ];
}

export const activeView = statsView<Measure>({
  id: 'active',
  title: 'view_active',
  reads: 'statsActivity',
  note: 'note_asOfChain',
  load: async (admin, q) => activeMeasures(await admin.call('statsActivity', { query: { asOf: q.to } })),
  columns: [
    { header: 'measure', kind: 'label', value: (m) => m.measure },
    { header: 'members', kind: 'count', value: (m) => m.members },
    { header: 'shareOfMembers', kind: 'share', value: (m) => m.share },
  ],
  chart: (measures, label) =>
    seriesChart(
      measures.map((m) => label(m.measure)),
      [{ name: label('members'), type: 'bar', values: measures.map((m) => m.members) }],
      ['count'],
    ),
});

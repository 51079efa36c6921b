import type { AdminResponse } from '../../../../shared/admin/client';
import { seriesChart } from '../dailyChart';
import { bpShare, periodAxisName, periodQuery } from '../periodQuery';
import { statsView } from '../statsView';

/** A tier's row: its name (a ladder's name as it is; 'noTier' is the area's text), as of the range's end. */
export interface TierRow {
  tier: string;
  members: number;
  share: number | null;
  firstPeriodEnd: number;
  /** Members at each period's end, in time order (the chart's stacks). */
  trend: readonly { axis: string; members: number }[];
}

/** One row per tier of the ladder, lowest first, then members with no tier when any period had some. */
export function tierRows(a: AdminResponse<'statsTiers'>): TierRow[] {
  const axis = (p: (typeof a.periods)[number]) => periodAxisName(p.key, a.period);
  const last = a.periods[a.periods.length - 1];
  const row = (tier: string, of: (p: (typeof a.periods)[number]) => number, share: number | null): TierRow => ({
    tier,
    members: last ? of(last) : 0,
    share,
    firstPeriodEnd: a.periods[0] ? of(a.periods[0]) : 0,
    trend: a.periods.map((p) => ({ axis: axis(p), members: of(p) })),
  });
  const rows = a.tiers.map((t, i) =>
    row(t.name, (p) => p.byTier[i] ?? 0, last ? bpShare(last.byTierBp[i] ?? null) : null),
  );
  if (a.periods.some((p) => p.noTier !== 0))
    rows.push(row('noTier', (p) => p.noTier, last && last.members > 0 ? last.noTier / last.members : null));
  return rows;
}

export const tiersView = statsView<TierRow>({
  id: 'tiers',
  title: 'view_tiers',
  reads: 'statsTiers',
  note: 'note_tiers',
  load: async (admin, q) => tierRows(await admin.call('statsTiers', periodQuery(q))),
  columns: [
    { header: 'tier', kind: 'label', value: (r) => r.tier },
    { header: 'members', kind: 'count', value: (r) => r.members },
    { header: 'shareOfMembers', kind: 'share', value: (r) => r.share },
    { header: 'firstPeriodEnd', kind: 'count', value: (r) => r.firstPeriodEnd },
    { header: 'change', kind: 'count', value: (r) => r.members - r.firstPeriodEnd },
  ],
  // The trend: each period's end a bar of the tiers stacked.
  chart: (rows, label) =>
    seriesChart(
      rows[0]?.trend.map((t) => t.axis) ?? [],
      rows.map((r) => ({
        name: r.tier === 'noTier' ? label('noTier') : r.tier,
        type: 'bar',
        stack: 'tiers',
        values: r.trend.map((t) => t.members),
      })),
      ['count'],
    ),
});

import type { AdminResponse } from '../../../../shared/admin/client';
import { seriesChart } from '../dailyChart';
import { periodAxisName, periodQuery } from '../periodQuery';
import type { StatsTextKey } from '../statsText';
import { statsView } from '../statsView';

type Moves = AdminResponse<'statsTierMoves'>;

/** One from → to pair of the range; each row carries the range's periods for the chart. */
export interface MoveRow {
  fromTier: string;
  toTier: string;
  direction: StatsTextKey;
  changes: number;
  periods: readonly { axis: string; upgrades: number; downgrades: number }[];
}

/** The pairs in the answer's order (by the from tier's rank, then the to tier's), named by the ladder. */
export function moveRows(a: Moves): MoveRow[] {
  const name = (code: string | null): string =>
    code === null ? 'noTier' : (a.tiers.find((t) => t.code === code)?.name ?? code);
  const place = (code: string | null): number => (code === null ? -1 : a.tiers.findIndex((t) => t.code === code));
  const periods = a.periods.map((p) => ({
    axis: periodAxisName(p.key, a.period),
    upgrades: p.upgrades,
    downgrades: p.downgrades,
  }));
  return a.moves.map((m) => ({
    fromTier: name(m.fromTier),
    toTier: name(m.toTier),
    direction: place(m.toTier) > place(m.fromTier) ? 'upgrade' : 'downgrade',
    changes: m.changes,
    periods,
  }));
}

export const tierMovesView = statsView<MoveRow>({
  id: 'tierMoves',
  title: 'view_tierMoves',
  reads: 'statsTierMoves',
  note: 'note_tierMoves',
  load: async (admin, q) => moveRows(await admin.call('statsTierMoves', periodQuery(q))),
  columns: [
    { header: 'fromTier', kind: 'label', value: (r) => r.fromTier },
    { header: 'toTier', kind: 'label', value: (r) => r.toTier },
    { header: 'direction', kind: 'label', value: (r) => r.direction },
    { header: 'changes', kind: 'count', value: (r) => r.changes },
  ],
  chart: (rows, label) => {
    const periods = rows[0]?.periods ?? [];
    return seriesChart(
      periods.map((p) => p.axis),
      [
        { name: label('upgrades'), type: 'bar', values: periods.map((p) => p.upgrades) },
        { name: label('downgrades'), type: 'bar', values: periods.map((p) => p.downgrades) },
      ],
      ['count'],
    );
  },
});

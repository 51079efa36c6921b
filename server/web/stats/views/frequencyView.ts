import type { AdminResponse } from '../../../../shared/admin/client';
import { seriesChart } from '../dailyChart';
import { statsView } from '../statsView';

interface Band {
  band: AdminResponse<'statsActivity'>['frequency'][number]['band'];
  members: number;
  /** Of the members who bought (null: nobody has). */
  share: number | null;
}

/** The members who bought by their purchases so far (1, 2, 3–5, 6–10, more), as of the range's last day. */
export const frequencyBands = (a: AdminResponse<'statsActivity'>): Band[] =>
  a.frequency.map(({ band, members }) => ({ band, members, share: a.buyers === 0 ? null : members / a.buyers }));

export const frequencyView = statsView<Band>({
  id: 'frequency',
  title: 'view_frequency',
  reads: 'statsActivity',
  note: 'note_asOfChain',
  load: async (admin, q) => frequencyBands(await admin.call('statsActivity', { query: { asOf: q.to } })),
  columns: [
    { header: 'visitBand', kind: 'name', value: (b) => b.band },
    { header: 'members', kind: 'count', value: (b) => b.members },
    { header: 'shareOfBuyers', kind: 'share', value: (b) => b.share },
  ],
  chart: (bands, label) =>
    seriesChart(
      bands.map((b) => b.band),
      [{ name: label('members'), type: 'bar', values: bands.map((b) => b.members) }],
      ['count'],
    ),
});

import type { AdminResponse } from '../../../../shared/admin/client';
import type { RfmSegment } from '../../../../shared/stats/rfm';
import { rfmSegmentLabel } from '../../../../shared/stats/rfmSegmentText';
import { seriesChart } from '../dailyChart';
import type { StatsQuery } from '../statsView';
import { statsView } from '../statsView';

/** Month ends the trend covers: half a year, so a segment's drift shows. */
export const RFM_TREND_MONTHS = 6;

interface SegmentRow {
  segment: RfmSegment;
  members: number;
  /** Of the members who bought (null: nobody has). */
  share: number | null;
  /** Members at the oldest month end of the trend. */
  trendStart: number;
  /** The month ends, oldest first, with this segment's size at each (the chart's stacks). */
  trend: readonly { month: string; members: number }[];
}

export const rfmQuery = (q: StatsQuery) => ({ query: { asOf: q.to, months: RFM_TREND_MONTHS } });

/** One row per named segment: its size as of the range's last day, its share, and where the trend started. */
export function segmentRows(a: AdminResponse<'statsRfm'>): SegmentRow[] {
  return a.segments.map(({ segment, members }) => {
    const trend = a.trend.map((t) => ({
      month: t.month,
      members: t.segments.find((s) => s.segment === segment)?.members ?? 0,
    }));
    return {
      segment,
      members,
      share: a.buyers === 0 ? null : members / a.buyers,
      trendStart: trend[0]?.members ?? 0,
      trend,
    };
  });
}

export const rfmView = statsView<SegmentRow>({
  id: 'rfm',
  title: 'view_rfm',
  reads: 'statsRfm',
  note: 'note_rfm',
  load: async (admin, q) => segmentRows(await admin.call('statsRfm', rfmQuery(q))),
  columns: [
    { header: 'segment', kind: 'segment', value: (r) => r.segment },
    { header: 'members', kind: 'count', value: (r) => r.members },
    { header: 'shareOfBuyers', kind: 'share', value: (r) => r.share },
    { header: 'trendStart', kind: 'count', value: (r) => r.trendStart },
    { header: 'change', kind: 'count', value: (r) => r.members - r.trendStart },
  ],
  // The trend: each month end a bar of the segments stacked, so sizes and drift read together.
  chart: (rows, _label, lang) =>
    seriesChart(
      rows[0]?.trend.map((t) => t.month) ?? [],
      rows.map((r) => ({
        name: rfmSegmentLabel(lang, r.segment),
        type: 'bar',
        stack: 'segments',
        values: r.trend.map((t) => t.members),
      })),
      ['count'],
    ),
});

import type { AdminResponse } from '../../../../shared/admin/client';
import { seriesChart } from '../dailyChart';
import { statsView } from '../statsView';
import { rfmQuery } from './rfmView';

interface ScoreRow {
  score: number;
  recency: number;
  frequency: number;
  monetary: number;
  /** The cut a member reaches for this score (none for 1: every buyer has it). */
  recencyDays: number | null;
  visits: number | null;
  spendMinor: number | null;
}

/** Scores 5 down to 1: members at each score of R, F and M, and the quintile cut that score takes. */
export function scoreRows(a: AdminResponse<'statsRfm'>): ScoreRow[] {
  return [5, 4, 3, 2, 1].map((score) => ({
    score,
    recency: a.recency[score - 1] ?? 0,
    frequency: a.frequency[score - 1] ?? 0,
    monetary: a.monetary[score - 1] ?? 0,
    recencyDays: a.thresholds.recencyDays[score - 2] ?? null,
    visits: a.thresholds.visits[score - 2] ?? null,
    spendMinor: a.thresholds.spendMinor[score - 2] ?? null,
  }));
}

export const rfmScoresView = statsView<ScoreRow>({
  id: 'rfmScores',
  title: 'view_rfmScores',
  reads: 'statsRfm',
  note: 'note_asOfChain',
  load: async (admin, q) => scoreRows(await admin.call('statsRfm', rfmQuery(q))),
  columns: [
    { header: 'score', kind: 'name', value: (r) => String(r.score) },
    { header: 'recencyMembers', kind: 'count', value: (r) => r.recency },
    { header: 'frequencyMembers', kind: 'count', value: (r) => r.frequency },
    { header: 'monetaryMembers', kind: 'count', value: (r) => r.monetary },
    { header: 'recencyCut', kind: 'count', value: (r) => r.recencyDays },
    { header: 'visitsCut', kind: 'count', value: (r) => r.visits },
    { header: 'spendCut', kind: 'money', value: (r) => r.spendMinor },
  ],
  chart: (rows, label) =>
    seriesChart(
      rows.map((r) => String(r.score)),
      [
        { name: label('recencyMembers'), type: 'bar', values: rows.map((r) => r.recency) },
        { name: label('frequencyMembers'), type: 'bar', values: rows.map((r) => r.frequency) },
        { name: label('monetaryMembers'), type: 'bar', values: rows.map((r) => r.monetary) },
      ],
      ['count'],
    ),
});

import { z } from 'zod';
import { daysFrom } from './periods';

// RFM (issue 16 item 2): recency, frequency and monetary scores 1–5 over the members who bought,
// and the named segment of a (recency, frequency) pair. The cut points are answered with the view,
// so a campaign can later target a segment with rfmSegmentOf alone (no database).

/** What the score reads of a member's buying (head office's ho_member_activity). */
export interface RfmActivity {
  lastDay: string;
  visits: number;
  spendMinor: number;
}

/**
 * Four cut points per measure. Recency in days since the last purchase (a score point for each
 * cut the days are AT MOST), visits and spend (a score point for each cut the value is AT LEAST).
 */
export const RfmThresholds = z.strictObject({
  recencyDays: z.array(z.number().int()).length(4),
  visits: z.array(z.number().int()).length(4),
  spendMinor: z.array(z.number().int()).length(4),
});
export type RfmThresholds = z.infer<typeof RfmThresholds>;

export const RfmSegment = z.enum([
  'champions',
  'loyal',
  'potential',
  'new',
  'needsAttention',
  'atRisk',
  'hibernating',
  'lost',
]);
export type RfmSegment = z.infer<typeof RfmSegment>;
export const rfmSegments: readonly RfmSegment[] = RfmSegment.options;

/** THE SEGMENT TABLE: row = recency score 5..1, column = frequency score 1..5. */
const SEGMENT_OF: readonly (readonly RfmSegment[])[] = [
  ['new', 'potential', 'potential', 'champions', 'champions'], // R 5
  ['new', 'potential', 'potential', 'champions', 'champions'], // R 4
  ['needsAttention', 'needsAttention', 'needsAttention', 'loyal', 'loyal'], // R 3
  ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'atRisk'], // R 2
  ['lost', 'lost', 'atRisk', 'atRisk', 'atRisk'], // R 1
];

export const segmentOfScores = (recency: number, frequency: number): RfmSegment =>
  // Scores are 1..5 (rfmSegmentOf); anything else is no buyer worth naming.
  SEGMENT_OF[5 - recency]?.[frequency - 1] ?? 'lost';

/**
 * Quintile cuts of values where higher is better: the values sorted ascending, cut k (1..4) is the
 * value at index floor(k·n/5). TIES ARE NEVER SPLIT: a score counts the cuts a value reaches, so
 * equal values get equal scores (a crowd of equal values can leave a score empty).
 */
export function quintileCuts(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n === 0 ? [0, 0, 0, 0] : [1, 2, 3, 4].map((k) => sorted[Math.floor((k * n) / 5)] ?? 0);
}

const scoreUp = (value: number, cuts: readonly number[]): number => 1 + cuts.filter((c) => value >= c).length;

/** The cut points of the members who bought, as of `asOf` (days since each one's last purchase). */
export function rfmThresholds(activity: readonly RfmActivity[], asOf: string): RfmThresholds {
  // Fewer days is better: cut the negated days, and keep the days (positive) in the thresholds.
  const recency = quintileCuts(activity.map((a) => -daysFrom(a.lastDay, asOf))).map((c) => (c === 0 ? 0 : -c));
  return {
    recencyDays: recency,
    visits: quintileCuts(activity.map((a) => a.visits)),
    spendMinor: quintileCuts(activity.map((a) => a.spendMinor)),
  };
}

export interface RfmScore {
  recency: number;
  frequency: number;
  monetary: number;
  segment: RfmSegment;
}

/** One member's scores and segment as of `asOf`, by the thresholds a view answered. */
export function rfmSegmentOf(activity: RfmActivity, asOf: string, thresholds: RfmThresholds): RfmScore {
  const days = daysFrom(activity.lastDay, asOf);
  const recency = 1 + thresholds.recencyDays.filter((c) => days <= c).length;
  const frequency = scoreUp(activity.visits, thresholds.visits);
  return {
    recency,
    frequency,
    monetary: scoreUp(activity.spendMinor, thresholds.spendMinor),
    segment: segmentOfScores(recency, frequency),
  };
}

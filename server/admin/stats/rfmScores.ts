import { daysFrom } from '../../../shared/stats/periods';
import { rfmSegments, segmentOfScores, type RfmSegment, type RfmThresholds } from '../../../shared/stats/rfm';
import type { HoDb } from '../../store/connect';

// RFM scored in PostgreSQL: the buyers never come to JavaScript one by one. Their sources (buyerSources.ts,
// pastDayRfm.ts) return the buyers per (last_day, visits) cell and per spend bucket, then the values of the (at
// most four) buckets a spend cut falls in; the quintile cuts are read off those counts at index floor(k·n/5)
// (shared/stats/rfm.ts), and every score and segment is a sum of counts, so the answer equals
// rfmThresholds/rfmSegmentOf over every buyer (rfmScores.property.test.ts keeps that as the reference).

/** Scores 1..5 (index 0 = score 1) and segment sizes in rfmSegments order. */
export interface RfmCounts {
  buyers: number;
  thresholds: RfmThresholds;
  recency: number[];
  frequency: number[];
  monetary: number[];
  segments: number[];
}

/** The value at `index` of sorted (value, buyers) pairs expanded; 0 past the end. */
function valueAt(sorted: readonly (readonly [number, number])[], index: number): number {
  let below = 0;
  for (const [value, count] of sorted) {
    below += count;
    if (index < below) return value;
  }
  return 0;
}

/** Sorted (value, buyers) pairs → the values at index floor(k·n/5), k = 1..4 (quintileCuts of the values expanded). */
export const cutsOfCounts = (sorted: readonly (readonly [number, number])[], n: number): number[] =>
  n === 0 ? [0, 0, 0, 0] : [1, 2, 3, 4].map((k) => valueAt(sorted, Math.floor((k * n) / 5)));

const add = <K>(map: Map<K, number>, key: K, n: number): void => {
  map.set(key, (map.get(key) ?? 0) + n);
};
const ascending = (map: Map<number, number>): [number, number][] => [...map].sort((x, y) => x[0] - y[0]);
const cutsReached = (value: number, cuts: readonly number[]): number => cuts.filter((c) => value >= c).length;

/** Spend is cut in two steps: buyers per bucket of 2^SHIFT minor units, then the values of the buckets cut in. */
export const SHIFT = 7;
/** PostgreSQL's `>>` on bigint: floor(value / 2^SHIFT), negative values included. */
export const bucketOf = (value: number): number => Math.floor(value / 2 ** SHIFT);

/** Buyers per (last_day, visits) cell (bucket null) or per spend bucket (last_day null). */
export type CountRow = {
  lastDay: string | null;
  visits: string | number | null;
  bucket: string | number | null;
  n: number;
};

/**
 * Where a score's buyers come from (buyerSources.ts, pastDayRfm.ts): their counts per cell and per spend bucket
 * (the first pass), and their counts per spend value within a few buckets (the cut buckets' second pass).
 */
export interface BuyerSource {
  counts(db: HoDb): Promise<CountRow[]>;
  values(db: HoDb, buckets: readonly number[]): Promise<{ value: number; n: number }[]>;
}

/**
 * The spend cuts at index floor(k·n/5) from the buyers per bucket: each cut's bucket, then that bucket's values
 * (one more pass, filtered to at most four buckets). `values`: the buyers per value of each bucket read.
 */
async function spendCuts(
  db: HoDb,
  sources: readonly BuyerSource[],
  buckets: Map<number, number>,
  n: number,
): Promise<{ cuts: number[]; values: Map<number, Map<number, number>> }> {
  if (n === 0) return { cuts: [0, 0, 0, 0], values: new Map() };
  const sorted = ascending(buckets);
  const at = [1, 2, 3, 4].map((k) => {
    const index = Math.floor((k * n) / 5);
    let below = 0;
    for (const [bucket, count] of sorted) {
      if (index < below + count) return { bucket, offset: index - below };
      below += count;
    }
    return { bucket: 0, offset: 0 };
  });
  const cutIn = [...new Set(at.map((a) => a.bucket))];
  const values = new Map(cutIn.map((b) => [b, new Map<number, number>()]));
  for (const source of sources)
    for (const { value, n: k } of await source.values(db, cutIn)) {
      const inBucket = values.get(bucketOf(value));
      if (inBucket) add(inBucket, value, k);
    }
  const cuts = at.map(({ bucket, offset }) => valueAt(ascending(values.get(bucket) ?? new Map()), offset));
  return { cuts, values };
}

/**
 * The scores of the buyers of `sources` as of `asOf`, read in `db`: a repeatable-read transaction, as the spend
 * cuts' second pass reads the buckets the first one counted.
 */
export async function scoreBuyers(db: HoDb, sources: readonly BuyerSource[], asOf: string): Promise<RfmCounts> {
  const rows: CountRow[] = [];
  for (const source of sources) rows.push(...(await source.counts(db)));
  const cells = new Map<string, Map<number, number>>();
  const buckets = new Map<number, number>();
  const cell = (day: string, visits: number, n: number): void => {
    const row = cells.get(day) ?? new Map<number, number>();
    cells.set(day, row);
    add(row, visits, n);
  };
  for (const r of rows) {
    if (r.lastDay !== null) cell(r.lastDay, Number(r.visits), r.n);
    else if (r.bucket !== null) add(buckets, Number(r.bucket), r.n);
  }
  const byDays = new Map<number, number>();
  const byVisits = new Map<number, number>();
  for (const [day, row] of cells)
    for (const [visits, n] of row) {
      add(byDays, -daysFrom(day, asOf), n);
      add(byVisits, visits, n);
    }
  const n = [...byDays.values()].reduce((s, x) => s + x, 0);
  const spend = await spendCuts(db, sources, buckets, n);
  // As rfmThresholds: fewer days is better, so the negated days are cut and the days kept.
  const thresholds: RfmThresholds = {
    recencyDays: cutsOfCounts(ascending(byDays), n).map((c) => (c === 0 ? 0 : -c)),
    visits: cutsOfCounts(ascending(byVisits), n),
    spendMinor: spend.cuts,
  };
  const recency = [0, 0, 0, 0, 0];
  const frequency = [0, 0, 0, 0, 0];
  const monetary = [0, 0, 0, 0, 0];
  const sizes = new Map<RfmSegment, number>();
  const tally = (counts: number[], score: number, k: number): void => {
    counts[score - 1] = (counts[score - 1] ?? 0) + k;
  };
  for (const [day, row] of cells) {
    const days = daysFrom(day, asOf);
    const r = 1 + thresholds.recencyDays.filter((c) => days <= c).length;
    for (const [visits, k] of row) {
      const f = 1 + cutsReached(visits, thresholds.visits);
      tally(recency, r, k);
      tally(frequency, f, k);
      add(sizes, segmentOfScores(r, f), k);
    }
  }
  // A bucket without a cut lies wholly above or below each cut; the cuts' own buckets are counted by value.
  const cutBuckets = spend.cuts.map(bucketOf);
  for (const [bucket, k] of buckets)
    if (!spend.values.has(bucket))
      tally(
        monetary,
        1 +
          cutsReached(
            bucket,
            cutBuckets.map((b) => b + 1),
          ),
        k,
      );
  for (const values of spend.values.values())
    for (const [value, k] of values) tally(monetary, 1 + cutsReached(value, spend.cuts), k);
  return {
    buyers: n,
    thresholds,
    recency,
    frequency,
    monetary,
    segments: rfmSegments.map((s) => sizes.get(s) ?? 0),
  };
}

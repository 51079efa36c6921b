import { lte, sql, type SQL } from 'drizzle-orm';
import { daysFrom } from '../../../shared/stats/periods';
import {
  rfmSegments,
  segmentOfScores,
  type RfmActivity,
  type RfmSegment,
  type RfmThresholds,
} from '../../../shared/stats/rfm';
import type { HoDb } from '../../store/connect';
import { memberActivity, memberMonth } from '../../store/schema';

// RFM scored in PostgreSQL: the buyers never come to JavaScript one by one. ONE grouped pass returns the
// buyers per (last_day, visits) cell and per spend value; the quintile cuts are read off those counts at
// index floor(k·n/5) (shared/stats/rfm.ts), and every score and segment is a sum of counts, so the answer
// equals rfmThresholds/rfmSegmentOf over every buyer (rfmScores.property.test.ts keeps that as the reference).

/** Scores 1..5 (index 0 = score 1) and segment sizes in rfmSegments order. */
export interface RfmCounts {
  buyers: number;
  thresholds: RfmThresholds;
  recency: number[];
  frequency: number[];
  monetary: number[];
  segments: number[];
}

/** The buyers a score reads: a relation of (last_day, visits, spend_minor), one row a buyer. */
type Buyers = SQL;

/** Buyers whose latest purchase is by `asOf`, as ho_member_activity holds them. */
export const settledBuyers = (asOf: string): Buyers =>
  sql`select ${memberActivity.lastDay} as last_day, ${memberActivity.visits} as visits,
    ${memberActivity.spendMinor} as spend_minor from ${memberActivity} where ${lte(memberActivity.lastDay, asOf)}`;

/** Every member's buying up to the end of `month` (YYYY-MM), summed from ho_member_month (the trend). */
export const buyersToMonth = (month: string): Buyers =>
  sql`select max(${memberMonth.lastDay}) as last_day, sum(${memberMonth.visits}) as visits,
    sum(${memberMonth.spendMinor}) as spend_minor from ${memberMonth} where ${lte(memberMonth.month, month)}
    group by ${memberMonth.memberId} having max(${memberMonth.lastDay}) is not null`;

/** Sorted (value, buyers) pairs → the values at index floor(k·n/5), k = 1..4 (quintileCuts of the expanded values). */
export function cutsOfCounts(sorted: readonly (readonly [number, number])[], n: number): number[] {
  if (n === 0) return [0, 0, 0, 0];
  return [1, 2, 3, 4].map((k) => {
    const index = Math.floor((k * n) / 5);
    let below = 0;
    for (const [value, count] of sorted) {
      below += count;
      if (index < below) return value;
    }
    return 0;
  });
}

const add = <K>(map: Map<K, number>, key: K, n: number): void => {
  map.set(key, (map.get(key) ?? 0) + n);
};
const ascending = (map: Map<number, number>): [number, number][] => [...map].sort((x, y) => x[0] - y[0]);
const cutsReached = (value: number, cuts: readonly number[]): number => cuts.filter((c) => value >= c).length;

/** The scores of `buyers` (plus `extra` buyers read elsewhere: laterBuyers.ts) as of `asOf`, read in `db`. */
export async function scoreBuyers(
  db: HoDb,
  buyers: Buyers,
  extra: readonly RfmActivity[],
  asOf: string,
): Promise<RfmCounts> {
  // One pass: a row per (last_day, visits) and a row per spend value (grouping sets: the other columns null).
  const rows = await db
    .select({
      lastDay: sql<string | null>`b.last_day`,
      visits: sql<string | number | null>`b.visits`,
      spendMinor: sql<string | number | null>`b.spend_minor`,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(sql`(${buyers}) as b`)
    .groupBy(sql`grouping sets ((b.last_day, b.visits), (b.spend_minor))`);
  const cells = new Map<string, Map<number, number>>();
  const spend = new Map<number, number>();
  const cell = (day: string, visits: number, n: number): void => {
    const row = cells.get(day) ?? new Map<number, number>();
    cells.set(day, row);
    add(row, visits, n);
  };
  for (const r of rows) {
    if (r.lastDay !== null) cell(r.lastDay, Number(r.visits), r.n);
    else if (r.spendMinor !== null) add(spend, Number(r.spendMinor), r.n);
  }
  for (const b of extra) {
    cell(b.lastDay, b.visits, 1);
    add(spend, b.spendMinor, 1);
  }
  const byDays = new Map<number, number>();
  const byVisits = new Map<number, number>();
  for (const [day, row] of cells)
    for (const [visits, n] of row) {
      add(byDays, -daysFrom(day, asOf), n);
      add(byVisits, visits, n);
    }
  const n = [...byDays.values()].reduce((s, x) => s + x, 0);
  // As rfmThresholds: fewer days is better, so the negated days are cut and the days kept.
  const thresholds: RfmThresholds = {
    recencyDays: cutsOfCounts(ascending(byDays), n).map((c) => (c === 0 ? 0 : -c)),
    visits: cutsOfCounts(ascending(byVisits), n),
    spendMinor: cutsOfCounts(ascending(spend), n),
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
  for (const [value, k] of spend) tally(monetary, 1 + cutsReached(value, thresholds.spendMinor), k);
  return {
    buyers: n,
    thresholds,
    recency,
    frequency,
    monetary,
    segments: rfmSegments.map((s) => sizes.get(s) ?? 0),
  };
}

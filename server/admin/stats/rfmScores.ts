import { and, eq, gt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { daysFrom } from '../../../shared/stats/periods';
import {
  rfmSegments,
  segmentOfScores,
  type RfmActivity,
  type RfmSegment,
  type RfmThresholds,
} from '../../../shared/stats/rfm';
import type { HoDb } from '../../store/connect';
import { buyerCells, buyerSpend, memberActivity, memberMonth } from '../../store/schema';

// RFM scored in PostgreSQL: the buyers never come to JavaScript one by one. ONE grouped pass returns the
// buyers per (last_day, visits) cell and per spend bucket, a second the values of the (at most four) buckets
// a spend cut falls in; the quintile cuts are read off those counts at index floor(k·n/5) (shared/stats/rfm.ts),
// and every score and segment is a sum of counts, so the answer equals rfmThresholds/rfmSegmentOf over every
// buyer (rfmScores.property.test.ts keeps that as the reference).

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

/**
 * Every member who bought, as ho_member_activity holds them: their months summed, the last month included (a
 * member with refunds only has a row there, with no visits; the days are the sales' days: summaryUpsert.ts).
 */
export const everyBuyer = (): Buyers =>
  sql`select ${memberActivity.lastDay} as last_day, ${memberActivity.visits} as visits,
    ${memberActivity.spendMinor} as spend_minor from ${memberActivity} where ${memberActivity.visits} > 0`;

/** Every member's buying up to the end of `month` (YYYY-MM), summed from ho_member_month (the trend). */
export const buyersToMonth = (month: string): Buyers =>
  sql`select max(${memberMonth.lastDay}) as last_day, sum(${memberMonth.visits})::bigint as visits,
    sum(${memberMonth.spendMinor})::bigint as spend_minor from ${memberMonth} where ${lte(memberMonth.month, month)}
    group by ${memberMonth.memberId} having max(${memberMonth.lastDay}) is not null`;

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
const SHIFT = 7;
/** PostgreSQL's `>>` on bigint: floor(value / 2^SHIFT), negative values included. */
const bucketOf = (value: number): number => Math.floor(value / 2 ** SHIFT);

/**
 * The spend cuts at index floor(k·n/5) from the buyers per bucket: each cut's bucket, then that bucket's values
 * (one more pass, filtered to at most four buckets). `values`: the buyers per value of each bucket read.
 */
async function spendCuts(
  db: HoDb,
  buyers: Buyers,
  extra: readonly RfmActivity[],
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
  const rows = await db
    .select({
      value: sql<string | number>`b.spend_minor`,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(sql`(${buyers}) as b`)
    .where(
      // As ranges, so ho_member_activity_spend_idx reads just these buckets.
      sql`(${sql.join(
        cutIn.map((b) => sql`(b.spend_minor >= ${b * 2 ** SHIFT} and b.spend_minor < ${(b + 1) * 2 ** SHIFT})`),
        sql` or `,
      )})`,
    )
    .groupBy(sql`b.spend_minor`);
  const values = new Map(cutIn.map((b) => [b, new Map<number, number>()]));
  const addValue = (value: number, k: number): void => {
    const inBucket = values.get(bucketOf(value));
    if (inBucket) add(inBucket, value, k);
  };
  for (const r of rows) addValue(Number(r.value), r.n);
  for (const b of extra) addValue(b.spendMinor, 1);
  const cuts = at.map(({ bucket, offset }) => valueAt(ascending(values.get(bucket) ?? new Map()), offset));
  return { cuts, values };
}

type CountRow = { lastDay: string | null; visits: string | number | null; bucket: string | number | null; n: number };

/** One pass over `buyers`: a row per (last_day, visits) and per spend bucket (grouping sets; the others null). */
const groupedCounts = (db: HoDb, buyers: Buyers): Promise<CountRow[]> =>
  db
    .select({
      lastDay: sql<string | null>`b.last_day`,
      visits: sql<string | number | null>`b.visits`,
      bucket: sql<string | number | null>`b.spend_minor >> ${sql.raw(String(SHIFT))}`,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(sql`(${buyers}) as b`)
    .groupBy(sql`grouping sets ((b.last_day, b.visits), (b.spend_minor >> ${sql.raw(String(SHIFT))}))`);

/**
 * `buyers` is every row of ho_member_activity (all of them, or those with visits): its counts are kept
 * (ho_buyer_cells, ho_buyer_spend; migration 0021), so the first pass is a read of a few thousand rows.
 */
export interface KeptBuyers {
  visitedOnly: boolean;
}

async function keptCounts(db: HoDb, kept: KeptBuyers): Promise<CountRow[]> {
  const cells = await db
    .select({ lastDay: buyerCells.lastDay, visits: buyerCells.visits, n: buyerCells.buyers })
    .from(buyerCells)
    .where(and(ne(buyerCells.buyers, 0), kept.visitedOnly ? gt(buyerCells.visits, 0) : undefined));
  const buckets = await db
    .select({ bucket: buyerSpend.bucket, n: sql<number>`sum(${buyerSpend.buyers})`.mapWith(Number) })
    .from(buyerSpend)
    .where(kept.visitedOnly ? eq(buyerSpend.visited, true) : undefined)
    .groupBy(buyerSpend.bucket)
    .having(sql`sum(${buyerSpend.buyers}) <> 0`);
  return [
    ...cells.map((c) => ({ ...c, bucket: null })),
    ...buckets.map((b) => ({ lastDay: null, visits: null, bucket: b.bucket, n: b.n })),
  ];
}

/** Whether no buyer's latest purchase is after `asOf`: then every row of ho_member_activity is as of it. */
export async function nobodyAfter(db: HoDb, asOf: string): Promise<boolean> {
  const [row] = await db
    .select({ day: buyerCells.lastDay })
    .from(buyerCells)
    .where(and(gt(buyerCells.lastDay, asOf), ne(buyerCells.buyers, 0)))
    .limit(1);
  return row === undefined;
}

/**
 * The scores of `buyers` (plus `extra` buyers read elsewhere: laterBuyers.ts) as of `asOf`, read in `db`: a
 * repeatable-read transaction, as the spend cuts' second pass reads the buckets the first one counted.
 */
export async function scoreBuyers(
  db: HoDb,
  buyers: Buyers,
  extra: readonly RfmActivity[],
  asOf: string,
  kept: KeptBuyers | null = null,
): Promise<RfmCounts> {
  const rows = kept ? await keptCounts(db, kept) : await groupedCounts(db, buyers);
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
  for (const b of extra) {
    cell(b.lastDay, b.visits, 1);
    add(buckets, bucketOf(b.spendMinor), 1);
  }
  const byDays = new Map<number, number>();
  const byVisits = new Map<number, number>();
  for (const [day, row] of cells)
    for (const [visits, n] of row) {
      add(byDays, -daysFrom(day, asOf), n);
      add(byVisits, visits, n);
    }
  const n = [...byDays.values()].reduce((s, x) => s + x, 0);
  const spend = await spendCuts(db, buyers, extra, buckets, n);
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

import { and, eq, gt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { RfmActivity } from '../../../shared/stats/rfm';
import type { HoDb } from '../../store/connect';
import { buyerCells, buyerSpend, memberActivity, memberMonth } from '../../store/schema';
import { bucketOf, SHIFT, type BuyerSource, type CountRow } from './rfmScores';

// The buyers an RFM score reads (rfmScores.ts): a relation of (last_day, visits, spend_minor) counted by one
// grouped pass or by the kept counts of ho_member_activity, or buyers read elsewhere, as a list.

/** The buyers a score reads: a relation of (last_day, visits, spend_minor), one row a buyer. */
export type Buyers = SQL;

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

/** The buyers per value of `buckets` (as ranges, so ho_member_activity_spend_idx reads just these buckets). */
async function valuesIn(db: HoDb, buyers: Buyers, buckets: readonly number[]) {
  const rows = await db
    .select({ value: sql<string | number>`b.spend_minor`, n: sql<number>`count(*)`.mapWith(Number) })
    .from(sql`(${buyers}) as b`)
    .where(
      sql`(${sql.join(
        buckets.map((b) => sql`(b.spend_minor >= ${b * 2 ** SHIFT} and b.spend_minor < ${(b + 1) * 2 ** SHIFT})`),
        sql` or `,
      )})`,
    )
    .groupBy(sql`b.spend_minor`);
  return rows.map((r) => ({ value: Number(r.value), n: r.n }));
}

/** One pass over `buyers`: a row per (last_day, visits) and per spend bucket (grouping sets; the others null). */
export const groupedBuyers = (buyers: Buyers): BuyerSource => ({
  counts: (db) =>
    db
      .select({
        lastDay: sql<string | null>`b.last_day`,
        visits: sql<string | number | null>`b.visits`,
        bucket: sql<string | number | null>`b.spend_minor >> ${sql.raw(String(SHIFT))}`,
        n: sql<number>`count(*)`.mapWith(Number),
      })
      .from(sql`(${buyers}) as b`)
      .groupBy(sql`grouping sets ((b.last_day, b.visits), (b.spend_minor >> ${sql.raw(String(SHIFT))}))`),
  values: (db, buckets) => valuesIn(db, buyers, buckets),
});

/**
 * `buyers` is every row of ho_member_activity (all of them, or those with visits): its counts are kept
 * (ho_buyer_cells, ho_buyer_spend; migration 0021), so the first pass is a read of a few thousand rows.
 */
export const keptBuyers = (kept: { visitedOnly: boolean }, buyers: Buyers): BuyerSource => ({
  counts: async (db): Promise<CountRow[]> => {
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
  },
  values: (db, buckets) => valuesIn(db, buyers, buckets),
});

/** Buyers read one by one elsewhere (laterBuyers.ts's: the old way of a past day, the tests' reference). */
export const listedBuyers = (list: readonly RfmActivity[]): BuyerSource => ({
  counts: () =>
    Promise.resolve(
      list.flatMap((b) => [
        { lastDay: b.lastDay, visits: b.visits, bucket: null, n: 1 },
        { lastDay: null, visits: null, bucket: bucketOf(b.spendMinor), n: 1 },
      ]),
    ),
  values: (_db, buckets) =>
    Promise.resolve(
      list.filter((b) => buckets.includes(bucketOf(b.spendMinor))).map((b) => ({ value: b.spendMinor, n: 1 })),
    ),
});

/** Whether no buyer's latest purchase is after `asOf`: then every row of ho_member_activity is as of it. */
export async function nobodyAfter(db: HoDb, asOf: string): Promise<boolean> {
  const [row] = await db
    .select({ day: buyerCells.lastDay })
    .from(buyerCells)
    .where(and(gt(buyerCells.lastDay, asOf), ne(buyerCells.buyers, 0)))
    .limit(1);
  return row === undefined;
}

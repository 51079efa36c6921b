import { and, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import { daysFrom } from '../../../shared/stats/periods';
import type { HoDb } from '../../store/connect';
import {
  buyerCells,
  buyerDaySpend,
  buyerSpend,
  laterSpend,
  laterSpendValues,
  memberActivity,
  visitGaps,
} from '../../store/schema';
import { SHIFT, type BuyerSource, type CountRow } from './rfmScores';

// RFM as of a past day D from kept counts only (server/stats/README.md, "RFM as of a past day, kept"): the same
// buyers as settledBuyers(D) plus laterBuyersAsOf(D), each as they stood at D.
// - Settled (latest purchase by D, as ho_member_activity holds them, refunds after D included): ho_buyer_cells
//   by the day, per spend bucket from ho_buyer_day_spend, the cut buckets' values through the spend index.
// - Later (bought by D and again after it): recency and frequency from the closed gaps around D (ho_visit_gaps,
//   as statsActivity), spend from the changes per day of ho_later_spend and ho_later_spend_values.
// The changes are summed over the days after D (minus: every buyer's changes sum to zero) when those are fewer
// than the days up to it, so a day near today reads a few days of rows.

/** Whether the kept days after `asOf` are fewer than those up to it (by the span of latest purchase days). */
async function nearerTheEnd(db: HoDb, asOf: string): Promise<boolean> {
  const [span] = await db
    .select({
      first: sql<string | null>`min(${buyerCells.lastDay})`,
      last: sql<string | null>`max(${buyerCells.lastDay})`,
    })
    .from(buyerCells)
    .where(ne(buyerCells.buyers, 0));
  if (!span?.first || !span.last) return true;
  return daysFrom(asOf, span.last) <= daysFrom(span.first, asOf);
}

/** Every buyer as they stood at `asOf`, a past day (someone bought after it), from kept counts. */
export function pastDayBuyers(asOf: string): BuyerSource {
  let afterSide: boolean | undefined;
  const side = async (db: HoDb) => (afterSide ??= await nearerTheEnd(db, asOf));
  return {
    counts: async (db) => {
      const after = await side(db);
      const settledCells = await db
        .select({ lastDay: buyerCells.lastDay, visits: buyerCells.visits, n: buyerCells.buyers })
        .from(buyerCells)
        .where(and(lte(buyerCells.lastDay, asOf), ne(buyerCells.buyers, 0)));
      const g = visitGaps;
      const laterCells = await db
        .select({ lastDay: g.lastDay, visits: g.visits, n: sql<number>`sum(${g.buyers})`.mapWith(Number) })
        .from(g)
        .where(and(gt(g.nextDay, asOf), lte(g.lastDay, asOf)))
        .groupBy(g.lastDay, g.visits);
      // Settled per bucket: all rows but those whose latest purchase is after the day, or those up to it.
      const d = buyerDaySpend;
      const settled = after
        ? sql`select ${buyerSpend.bucket} as bucket, ${buyerSpend.buyers} as n from ${buyerSpend}
            union all select ${d.bucket}, -${d.buyers} from ${d} where ${gt(d.lastDay, asOf)}`
        : sql`select ${d.bucket} as bucket, ${d.buyers} as n from ${d} where ${lte(d.lastDay, asOf)}`;
      const l = laterSpend;
      const later = after
        ? sql`select ${l.bucket}, -${l.buyers} from ${l} where ${gt(l.day, asOf)}`
        : sql`select ${l.bucket}, ${l.buyers} from ${l} where ${lte(l.day, asOf)}`;
      const buckets = await db
        .select({ bucket: sql<string | number>`b.bucket`, n: sql<number>`sum(b.n)`.mapWith(Number) })
        .from(sql`(${settled} union all ${later}) as b`)
        .groupBy(sql`b.bucket`)
        .having(sql`sum(b.n) <> 0`);
      return [
        ...[...settledCells, ...laterCells].map((c): CountRow => ({ ...c, bucket: null })),
        ...buckets.map((b): CountRow => ({ lastDay: null, visits: null, bucket: b.bucket, n: b.n })),
      ];
    },
    values: async (db, buckets) => {
      const after = await side(db);
      const a = memberActivity;
      const settled = await db
        .select({ value: a.spendMinor, n: sql<number>`count(*)`.mapWith(Number) })
        .from(a)
        .where(
          and(
            lte(a.lastDay, asOf),
            // As ranges, so ho_member_activity_spend_idx reads just these buckets.
            sql`(${sql.join(
              buckets.map(
                (b) => sql`(${a.spendMinor} >= ${b * 2 ** SHIFT} and ${a.spendMinor} < ${(b + 1) * 2 ** SHIFT})`,
              ),
              sql` or `,
            )})`,
          ),
        )
        .groupBy(a.spendMinor);
      const v = laterSpendValues;
      const later = await db
        .select({
          value: v.spendMinor,
          n: (after ? sql<number>`-sum(${v.buyers})` : sql<number>`sum(${v.buyers})`).mapWith(Number),
        })
        .from(v)
        .where(and(inArray(v.bucket, [...buckets]), after ? gt(v.day, asOf) : lte(v.day, asOf)))
        .groupBy(v.spendMinor)
        .having(sql`sum(${v.buyers}) <> 0`);
      return [...settled, ...later];
    },
  };
}

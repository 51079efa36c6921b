import { inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { StatsRfmAnswer } from '../../../shared/admin/statsViews';
import { rfmSegmentOf, rfmSegments, rfmThresholds, type RfmActivity } from '../../../shared/stats/rfm';
import type { HoDb } from '../../store/connect';
import { dailyShop, memberMonth, rfmMonth } from '../../store/schema';
import { buyersToMonth, everyBuyer, groupedBuyers, keptBuyers } from './buyerSources';
import { scoreBuyers } from './rfmScores';

// The RFM trend: segment sizes at each month end, each scored by that moment's own quintiles. A month end
// needs every member's months up to it (a grouped pass over ho_member_month, scored in SQL: rfmScores.ts), so
// each one is kept in ho_rfm_month once computed, with its STAMP: the member sales and refunds ho_daily_shop
// counts up to the month's end.
// Every record that changes ho_member_month adds to those counts in its own transaction (summaryUpsert.ts)
// and they only grow, so an unchanged stamp means unchanged months: a late offline record moves the stamp
// of its month and every later one, and only those are computed again. Stamps and months are read in ONE
// snapshot, so a month is never kept with the stamp of a later state.

type Trend = z.infer<typeof StatsRfmAnswer>['trend'];

/** Segment sizes of buyers scored by their own quintiles as of a day, in rfmSegments order (the tests' reference). */
export function segmentCounts(buyers: readonly RfmActivity[], asOf: string): number[] {
  const thresholds = rfmThresholds(buyers, asOf);
  const sizes = new Map(rfmSegments.map((s) => [s, 0]));
  for (const b of buyers) {
    const { segment } = rfmSegmentOf(b, asOf, thresholds);
    sizes.set(segment, (sizes.get(segment) ?? 0) + 1);
  }
  return rfmSegments.map((segment) => sizes.get(segment) ?? 0);
}

/** Each month's stamp (member sales and refunds counted up to its end), months in ascending order. */
async function stampsOf(db: HoDb, months: readonly string[]): Promise<Map<string, number>> {
  const last = months[months.length - 1];
  if (last === undefined) return new Map();
  // ho_daily_shop is a row per shop and day: small beside the members, read up to the last month's end.
  const rows = await db
    .select({
      month: sql<string>`substr(${dailyShop.day}, 1, 7)`,
      n: sql<number>`sum(${dailyShop.memberSalesCount} + ${dailyShop.refundsCount})`.mapWith(Number),
    })
    .from(dailyShop)
    .where(lte(dailyShop.day, `${last}-31`))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const stamps = new Map<string, number>();
  let running = 0;
  let i = 0;
  for (const month of months) {
    for (; i < rows.length && (rows[i]?.month ?? '') <= month; i += 1) running += rows[i]?.n ?? 0;
    stamps.set(month, running);
  }
  return stamps;
}

type Kept = typeof rfmMonth.$inferSelect;

/** The latest month (YYYY-MM) ho_member_month holds a row of ('' when none): an end of its index. */
async function latestMonth(db: HoDb): Promise<string> {
  const [row] = await db.select({ month: sql<string | null>`max(${memberMonth.month})` }).from(memberMonth);
  return row?.month ?? '';
}

/**
 * The trend over `months` (YYYY-MM, ascending, each with its last day), from ho_rfm_month where it stands.
 * Read from `db` (a hot standby when head office has one), months computed again are kept through `primary`.
 */
export async function rfmTrend(
  db: HoDb,
  months: readonly { month: string; end: string }[],
  primary: HoDb = db,
): Promise<Trend> {
  const names = months.map((m) => m.month);
  const fresh: Kept[] = [];
  const trend = await db.transaction(
    async (tx) => {
      const stamps = await stampsOf(tx, names);
      const kept = new Map(
        names.length === 0
          ? []
          : (await tx.select().from(rfmMonth).where(inArray(rfmMonth.month, names))).map((k) => [k.month, k]),
      );
      const out: Trend = [];
      let latest: string | undefined;
      for (const { month, end } of months) {
        const stamp = stamps.get(month) ?? 0;
        let row = kept.get(month);
        if (row?.stamp !== stamp || row.segments.length !== rfmSegments.length) {
          // No month after it (the month still running): every member's months are their ho_member_activity row.
          latest ??= await latestMonth(tx);
          const running = latest !== '' && month >= latest;
          // The running month's buyers are every row with visits: their counts are kept (ho_buyer_cells).
          const scored = running
            ? await scoreBuyers(tx, [keptBuyers({ visitedOnly: true }, everyBuyer())], end)
            : await scoreBuyers(tx, [groupedBuyers(buyersToMonth(month))], end);
          row = { month, stamp, buyers: scored.buyers, segments: scored.segments };
          fresh.push(row);
        }
        const { segments } = row;
        out.push({
          month,
          buyers: row.buyers,
          segments: rfmSegments.map((segment, i) => ({ segment, members: segments[i] ?? 0 })),
        });
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  // Kept after the read (a later state's stamp is larger: a newer reader computes that month again).
  if (fresh.length > 0)
    await primary
      .insert(rfmMonth)
      .values(fresh)
      .onConflictDoUpdate({
        target: rfmMonth.month,
        set: {
          stamp: sql`excluded.stamp`,
          buyers: sql`excluded.buyers`,
          segments: sql`excluded.segments`,
        },
        // Stamps only grow: never replace a month kept from a later state by one from an earlier.
        setWhere: sql`${rfmMonth.stamp} <= excluded.stamp`,
      });
  return trend;
}

import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays } from '../../../shared/admin/stats';
import { VisitBand, type StatsActivityAnswer, type StatsRfmAnswer } from '../../../shared/admin/statsViews';
import { periodsIn, rateBp } from '../../../shared/stats/periods';
import { rfmSegments } from '../../../shared/stats/rfm';
import type { ShopFilter } from '../reports';
import type { HoDb } from '../../store/connect';
import { buyerCells, buyerHomeDays, monthBuyers } from '../../store/schema';
import { sumsBefore } from './daySums';
import { laterBuyersByHomeShop, laterBuyersCounted } from './pastDayGaps';
import { keptBuyers, nobodyAfter, settledBuyers } from './buyerSources';
import { pastDayBuyers } from './pastDayRfm';
import { scoreBuyers } from './rfmScores';
import { rfmTrend } from './rfmTrend';

// The member views read ho_member_activity, one row per member who bought (README.md): active
// rate, visit frequency, RFM. Its last_day is the member's LATEST purchase: the activity view reads a
// buyer who bought again after its "as of" day as they stood at that day (pastDayGaps.ts; RFM: pastDayRfm.ts).

/** The first day of the month `n` months after `day`'s (negative: before). */
const addMonths = (day: string, n: number): string => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
};
export const monthEnd = (first: string): string => addDays(addMonths(first, 1), -1);

// Summed over ho_buyer_cells (ho_member_activity's rows per last day and visits, kept by migration 0021's
// triggers): the same rows counted, a few thousand cells read instead of a million buyers.
const counted = (condition: ReturnType<typeof sql>) =>
  sql<number>`coalesce(sum(${buyerCells.buyers}) filter (where ${condition}), 0)`.mapWith(Number);

export async function activityView(db: HoDb, asOf: string): Promise<z.infer<typeof StatsActivityAnswer>> {
  // One snapshot: a buyer's kept cell and kept gaps change in the same transaction (a sale after the day).
  return db.transaction(async (tx) => activityIn(tx, asOf), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function activityIn(db: HoDb, asOf: string): Promise<z.infer<typeof StatsActivityAnswer>> {
  const a = buyerCells;
  // Buyers whose latest purchase is by the day, read as they are; those who bought again after it,
  // as they stood at the day (pastDayGaps.ts).
  const settled = sql`${a.lastDay} <= ${asOf}`;
  const lastWithin = (days: number) => sql`${a.lastDay} between ${addDays(asOf, 1 - days)} and ${asOf}`;
  const visits = (low: number, high: number) => sql`${settled} and ${a.visits} between ${low} and ${high}`;
  const [row] = await db
    .select({
      buyers: counted(settled),
      active30: counted(lastWithin(30)),
      active90: counted(lastWithin(90)),
      one: counted(visits(1, 1)),
      two: counted(visits(2, 2)),
      few: counted(visits(3, 5)),
      many: counted(visits(6, 10)),
      most: counted(sql`${settled} and ${a.visits} > 10`),
    })
    .from(a);
  const r = row ?? { buyers: 0, active30: 0, active90: 0, one: 0, two: 0, few: 0, many: 0, most: 0 };
  // Buyers who bought again after the day, as they stood at it (kept gaps: pastDayGaps.ts).
  const later = await laterBuyersCounted(db, asOf);
  const buyers = r.buyers + later.buyers;
  const active30 = r.active30 + later.active30;
  const active90 = r.active90 + later.active90;
  const bands = [r.one, r.two, r.few, r.many, r.most].map((n, i) => n + (later.bands[i] ?? 0));
  const membersTotal = (await sumsBefore(db, addDays(asOf, 1), null)).newMembers;
  return {
    asOf,
    membersTotal,
    buyers,
    active30,
    active90,
    active30Bp: rateBp(active30, membersTotal),
    active90Bp: rateBp(active90, membersTotal),
    frequency: VisitBand.options.map((band, i) => ({ band, members: bands[i] ?? 0 })),
  };
}

/**
 * Members whose home shop is each shop with a purchase from..to: by their latest purchase up to `to`
 * (a buyer who bought again after `to` as they stood at it: pastDayGaps.ts).
 */
export async function activeByHomeShop(
  db: HoDb,
  from: string,
  to: string,
  shops: ShopFilter,
): Promise<Map<string, number>> {
  // One snapshot, as activityView's.
  return db.transaction(async (tx) => activeIn(tx, from, to, shops), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function activeIn(db: HoDb, from: string, to: string, shops: ShopFilter): Promise<Map<string, number>> {
  // ho_member_activity's rows per home shop and last day (kept by migration 0021's triggers).
  const h = buyerHomeDays;
  const rows = await db
    .select({ shopId: h.homeShopId, n: sql<number>`sum(${h.buyers})`.mapWith(Number) })
    .from(h)
    .where(
      and(
        gte(h.lastDay, from),
        lte(h.lastDay, to),
        sql`${h.homeShopId} <> ''`,
        shops === null ? undefined : inArray(h.homeShopId, [...shops]),
      ),
    )
    .groupBy(h.homeShopId);
  const active = new Map(rows.flatMap((r) => (r.shopId === null ? [] : [[r.shopId, r.n] as const])));
  // Buyers who bought again after `to`, by their purchase up to it (kept gaps: pastDayGaps.ts).
  for (const { shopId, n } of await laterBuyersByHomeShop(db, from, to, shops))
    active.set(shopId, (active.get(shopId) ?? 0) + n);
  return active;
}

/** Members with a purchase in each month (YYYY-MM) of from..to: kept per month (ho_month_buyers). */
export async function buyersByMonth(db: HoDb, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ month: monthBuyers.month, n: monthBuyers.buyers })
    .from(monthBuyers)
    .where(and(gte(monthBuyers.month, from.slice(0, 7)), lte(monthBuyers.month, to.slice(0, 7))));
  return new Map(rows.map((r) => [r.month, r.n]));
}

/** RFM as of a day, read from `db`; the trend's months computed again are kept through `primary` (rfmTrend.ts). */
export async function rfmView(
  db: HoDb,
  asOf: string,
  months: number,
  primary: HoDb = db,
): Promise<z.infer<typeof StatsRfmAnswer>> {
  const trend = await rfmTrend(
    db,
    periodsIn(addMonths(asOf, 1 - months), asOf, 'month').map((span) => ({
      month: span.key.slice(0, 7),
      end: monthEnd(span.key),
    })),
    primary,
  );
  // Buyers whose latest purchase is by the day as they are; those who bought again after it as they stood at it.
  // Scored in SQL from kept counts (rfmScores.ts, pastDayRfm.ts): no buyer comes to JavaScript. One snapshot:
  // the spend cuts' second pass must see the rows the first one counted.
  const { buyers, thresholds, recency, frequency, monetary, segments } = await db.transaction(
    async (tx) =>
      // Nobody bought after the day (today, as a rule): every buyer is counted in ho_buyer_cells as they are.
      (await nobodyAfter(tx, asOf))
        ? scoreBuyers(tx, [keptBuyers({ visitedOnly: false }, settledBuyers(asOf))], asOf)
        : scoreBuyers(tx, [pastDayBuyers(asOf)], asOf),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return {
    asOf,
    buyers,
    thresholds,
    recency,
    frequency,
    monetary,
    segments: rfmSegments.map((segment, i) => ({ segment, members: segments[i] ?? 0 })),
    trend,
  };
}

import { and, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { periodsIn, type PeriodSpan, type StatsPeriod } from '../../../shared/stats/periods';
import type { ShopFilter } from '../reports';
import type { HoDb } from '../../store/connect';
import { dailyShop } from '../../store/schema';

// ho_daily_shop summed over the shops a caller sees: by day in a range (then by period), and
// everything before a day (members and outstanding points at a range's start). Index range reads.

const total = (column: SQL | typeof dailyShop.salesCount) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

const sums = {
  salesCount: total(dailyShop.salesCount),
  salesMinor: total(dailyShop.salesMinor),
  memberSalesCount: total(dailyShop.memberSalesCount),
  memberSalesMinor: total(dailyShop.memberSalesMinor),
  newMembers: total(dailyShop.newMembers),
  pointsEarned: total(dailyShop.pointsEarned),
  pointsRedeemed: total(dailyShop.pointsRedeemed),
  pointsExpired: total(dailyShop.pointsExpired),
  pointsReversed: total(dailyShop.pointsReversed),
  pointsAdjusted: total(dailyShop.pointsAdjusted),
};
export type DaySums = { [K in keyof typeof sums]: number };

const ofShops = (shops: ShopFilter): SQL | undefined =>
  shops === null ? undefined : inArray(dailyShop.shopId, [...shops]);

/** The points a member holds net of this row: every ledger column once, signed (README.md). */
export const pointsNet = (d: DaySums): number =>
  d.pointsEarned - d.pointsRedeemed - d.pointsExpired - d.pointsReversed + d.pointsAdjusted;

const zero = (): DaySums => ({
  salesCount: 0,
  salesMinor: 0,
  memberSalesCount: 0,
  memberSalesMinor: 0,
  newMembers: 0,
  pointsEarned: 0,
  pointsRedeemed: 0,
  pointsExpired: 0,
  pointsReversed: 0,
  pointsAdjusted: 0,
});

const addInto = (into: DaySums, d: DaySums): void => {
  for (const k of Object.keys(into) as (keyof DaySums)[]) into[k] += d[k];
};

/** Everything before `day` (the chain's or the shops'). */
export async function sumsBefore(db: HoDb, day: string, shops: ShopFilter): Promise<DaySums> {
  const [row] = await db
    .select(sums)
    .from(dailyShop)
    .where(and(lt(dailyShop.day, day), ofShops(shops)));
  return row ?? zero();
}

/** Each period of from..to with its days' sums (a period without a row: zeros). */
export async function sumsByPeriod(
  db: HoDb,
  from: string,
  to: string,
  period: StatsPeriod,
  shops: ShopFilter,
): Promise<(PeriodSpan & { sums: DaySums })[]> {
  const days = await db
    .select({ day: dailyShop.day, ...sums })
    .from(dailyShop)
    .where(and(gte(dailyShop.day, from), lte(dailyShop.day, to), ofShops(shops)))
    .groupBy(dailyShop.day)
    .orderBy(dailyShop.day);
  const spans = periodsIn(from, to, period).map((span) => ({ ...span, sums: zero() }));
  for (const { day, ...d } of days) {
    const span = spans.find((s) => s.from <= day && day <= s.to);
    if (span) addInto(span.sums, d);
  }
  return spans;
}

/** Per shop, the range's sums (the shops with any row). */
export async function sumsByShop(
  db: HoDb,
  from: string,
  to: string,
  shops: ShopFilter,
): Promise<(DaySums & { shopId: string })[]> {
  return db
    .select({ shopId: dailyShop.shopId, ...sums })
    .from(dailyShop)
    .where(and(gte(dailyShop.day, from), lte(dailyShop.day, to), ofShops(shops)))
    .groupBy(dailyShop.shopId)
    .orderBy(dailyShop.shopId);
}

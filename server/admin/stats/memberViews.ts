import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays } from '../../../shared/admin/stats';
import type { StatsActivityAnswer, StatsRfmAnswer } from '../../../shared/admin/statsViews';
import { periodsIn, rateBp } from '../../../shared/stats/periods';
import { rfmSegmentOf, rfmSegments, rfmThresholds, type RfmActivity, type RfmSegment } from '../../../shared/stats/rfm';
import type { ShopFilter } from '../reports';
import type { HoDb } from '../../store/connect';
import { memberActivity, memberMonth, members } from '../../store/schema';
import { sumsBefore } from './daySums';

// The member views read ho_member_activity, one row per member who bought (README.md): active
// rate, visit frequency, RFM. Its last_day is the member's LATEST purchase, so "as of" a past day
// counts a member who bought both before and after that day as of their later purchase.

/** The first day of the month `n` months after `day`'s (negative: before). */
const addMonths = (day: string, n: number): string => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
};
export const monthEnd = (first: string): string => addDays(addMonths(first, 1), -1);

/** One more member at this score (index 0 = score 1). */
const tally = (counts: number[], score: number): void => {
  counts[score - 1] = (counts[score - 1] ?? 0) + 1;
};

const counted = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

export async function activityView(db: HoDb, asOf: string): Promise<z.infer<typeof StatsActivityAnswer>> {
  const a = memberActivity;
  const bought = sql`${a.firstDay} <= ${asOf}`;
  const lastWithin = (days: number) => sql`${a.lastDay} between ${addDays(asOf, 1 - days)} and ${asOf}`;
  const visits = (low: number, high: number) => sql`${bought} and ${a.visits} between ${low} and ${high}`;
  const [row] = await db
    .select({
      buyers: counted(bought),
      active30: counted(lastWithin(30)),
      active90: counted(lastWithin(90)),
      one: counted(visits(1, 1)),
      two: counted(visits(2, 2)),
      few: counted(visits(3, 5)),
      many: counted(visits(6, 10)),
      most: counted(sql`${bought} and ${a.visits} > 10`),
    })
    .from(a);
  const r = row ?? { buyers: 0, active30: 0, active90: 0, one: 0, two: 0, few: 0, many: 0, most: 0 };
  const membersTotal = (await sumsBefore(db, addDays(asOf, 1), null)).newMembers;
  return {
    asOf,
    membersTotal,
    buyers: r.buyers,
    active30: r.active30,
    active90: r.active90,
    active30Bp: rateBp(r.active30, membersTotal),
    active90Bp: rateBp(r.active90, membersTotal),
    frequency: [
      { band: '1', members: r.one },
      { band: '2', members: r.two },
      { band: '3-5', members: r.few },
      { band: '6-10', members: r.many },
      { band: '>10', members: r.most },
    ],
  };
}

/** Members whose home shop is each shop with a purchase from..to (by their latest purchase). */
export async function activeByHomeShop(
  db: HoDb,
  from: string,
  to: string,
  shops: ShopFilter,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ shopId: members.homeShopId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(memberActivity)
    .innerJoin(members, eq(members.id, memberActivity.memberId))
    .where(
      and(
        gte(memberActivity.lastDay, from),
        lte(memberActivity.lastDay, to),
        shops === null ? undefined : inArray(members.homeShopId, [...shops]),
      ),
    )
    .groupBy(members.homeShopId);
  return new Map(rows.flatMap((r) => (r.shopId === null ? [] : [[r.shopId, r.n] as const])));
}

/** Segment sizes of buyers scored by their own quintiles as of a day. */
function segmentSizes(buyers: readonly RfmActivity[], asOf: string): { segment: RfmSegment; members: number }[] {
  const thresholds = rfmThresholds(buyers, asOf);
  const sizes = new Map(rfmSegments.map((s) => [s, 0]));
  for (const b of buyers) {
    const { segment } = rfmSegmentOf(b, asOf, thresholds);
    sizes.set(segment, (sizes.get(segment) ?? 0) + 1);
  }
  return rfmSegments.map((segment) => ({ segment, members: sizes.get(segment) ?? 0 }));
}

/** Members with a purchase in each month (YYYY-MM) of from..to. */
export async function buyersByMonth(db: HoDb, from: string, to: string): Promise<Map<string, number>> {
  const m = memberMonth;
  const rows = await db
    .select({ month: m.month, n: sql<number>`count(*)`.mapWith(Number) })
    .from(m)
    .where(and(gte(m.month, from.slice(0, 7)), lte(m.month, to.slice(0, 7)), sql`${m.visits} > 0`))
    .groupBy(m.month);
  return new Map(rows.map((r) => [r.month, r.n]));
}

/** Each member's buying up to the end of `month` (YYYY-MM), summed from ho_member_month. */
async function activityToMonth(db: HoDb, month: string): Promise<RfmActivity[]> {
  const m = memberMonth;
  const rows = await db
    .select({
      lastDay: sql<string | null>`max(${m.lastDay})`,
      visits: sql<number>`sum(${m.visits})`.mapWith(Number),
      spendMinor: sql<number>`sum(${m.spendMinor})`.mapWith(Number),
    })
    .from(m)
    .where(lte(m.month, month))
    .groupBy(m.memberId);
  return rows.flatMap((r) => (r.lastDay === null ? [] : [{ ...r, lastDay: r.lastDay }]));
}

export async function rfmView(db: HoDb, asOf: string, months: number): Promise<z.infer<typeof StatsRfmAnswer>> {
  const trend: z.infer<typeof StatsRfmAnswer>['trend'] = [];
  for (const span of periodsIn(addMonths(asOf, 1 - months), asOf, 'month')) {
    const month = span.key.slice(0, 7);
    const end = monthEnd(span.key);
    const buyers = await activityToMonth(db, month);
    trend.push({ month, buyers: buyers.length, segments: segmentSizes(buyers, end) });
  }
  const buyers = await db
    .select({ lastDay: memberActivity.lastDay, visits: memberActivity.visits, spendMinor: memberActivity.spendMinor })
    .from(memberActivity)
    .where(lte(memberActivity.firstDay, asOf));
  const thresholds = rfmThresholds(buyers, asOf);
  const recency = [0, 0, 0, 0, 0];
  const frequency = [0, 0, 0, 0, 0];
  const monetary = [0, 0, 0, 0, 0];
  for (const b of buyers) {
    const score = rfmSegmentOf(b, asOf, thresholds);
    tally(recency, score.recency);
    tally(frequency, score.frequency);
    tally(monetary, score.monetary);
  }
  return {
    asOf,
    buyers: buyers.length,
    thresholds,
    recency,
    frequency,
    monetary,
    segments: segmentSizes(buyers, asOf),
    trend,
  };
}

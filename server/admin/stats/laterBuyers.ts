import { and, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import { addDays } from '../../../shared/admin/stats';
import type { HoDb } from '../../store/connect';
import { memberActivity, memberMonth, refunds, sales, terminals } from '../../store/schema';

// "As of" a past day, exactly. ho_member_activity holds each buyer's LATEST purchase: right for every
// buyer whose latest purchase is on or before the day, wrong for one who also bought after it. For those
// ("later buyers") this reads what they had done by the day: their whole months before its month from
// ho_member_month (a month's latest purchase, visits, spend), and its month up to the day from ho_sales
// (an index range of the day's month, by terminal and business day) and ho_refunds. Nobody bought after
// the day (today): no read at all. The views no longer read it (9–24 s at full size): they add the kept gaps
// (pastDayGaps.ts) and kept spend changes (pastDayRfm.ts). It stays as the tests' reference, the old way.

/** A later buyer as they stood at the day: their latest purchase up to it and their purchases so far. */
export interface BuyerAsOf {
  memberId: string;
  lastDay: string;
  visits: number;
  /** Sales minus refunds up to the day, minor units. */
  spendMinor: number;
}

const firstOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;
const isMonthEnd = (day: string): boolean => addDays(day, 1).endsWith('-01');

/** The buyers who bought by `asOf` and again after it, each as of `asOf`. */
export async function laterBuyersAsOf(db: HoDb, asOf: string): Promise<BuyerAsOf[]> {
  const a = memberActivity;
  const later = and(lte(a.firstDay, asOf), gt(a.lastDay, asOf));
  const [any] = await db.select({ id: a.memberId }).from(a).where(later).limit(1);
  if (!any) return [];
  const byMember = new Map<string, BuyerAsOf>();
  const spent = new Map<string, number>();
  const add = (memberId: string, lastDay: string | null, visits: number, spendMinor: number) => {
    spent.set(memberId, (spent.get(memberId) ?? 0) + spendMinor);
    const had = byMember.get(memberId);
    const latest = had && (lastDay === null || had.lastDay > lastDay) ? had.lastDay : lastDay;
    if (latest !== null)
      byMember.set(memberId, { memberId, lastDay: latest, visits: (had?.visits ?? 0) + visits, spendMinor: 0 });
  };
  // A month that ends on the day is whole in ho_member_month: no sales to read.
  const wholeMonths = isMonthEnd(asOf)
    ? lte(memberMonth.month, asOf.slice(0, 7))
    : lt(memberMonth.month, asOf.slice(0, 7));
  const months = await db
    .select({
      memberId: memberMonth.memberId,
      lastDay: sql<string | null>`max(${memberMonth.lastDay})`,
      visits: sql<number>`sum(${memberMonth.visits})`.mapWith(Number),
      spendMinor: sql<number>`sum(${memberMonth.spendMinor})`.mapWith(Number),
    })
    .from(memberMonth)
    .innerJoin(a, eq(a.memberId, memberMonth.memberId))
    .where(and(later, wholeMonths))
    .groupBy(memberMonth.memberId);
  for (const m of months) add(m.memberId, m.lastDay, m.visits, m.spendMinor);
  if (!isMonthEnd(asOf)) {
    const tills = db.select({ id: terminals.id }).from(terminals);
    const days = await db
      .select({
        memberId: a.memberId,
        lastDay: sql<string>`max(${sales.businessDay})`,
        visits: sql<number>`count(*)`.mapWith(Number),
        spendMinor: sql<number>`sum(${sales.totalMinor})`.mapWith(Number),
      })
      .from(sales)
      .innerJoin(a, eq(a.memberId, sales.memberId))
      .where(
        and(
          inArray(sales.terminalId, tills),
          sql`${sales.businessDay} between ${firstOfMonth(asOf)} and ${asOf}`,
          later,
        ),
      )
      .groupBy(a.memberId);
    for (const d of days) add(d.memberId, d.lastDay, d.visits, d.spendMinor);
    // The month's refunds up to the day (the later buyers' only: ho_refunds has no day index).
    const refunded = await db
      .select({ memberId: a.memberId, minor: sql<number>`sum(${refunds.amountMinor})`.mapWith(Number) })
      .from(refunds)
      .innerJoin(a, eq(a.memberId, refunds.memberId))
      .where(and(sql`${refunds.businessDay} between ${firstOfMonth(asOf)} and ${asOf}`, later))
      .groupBy(a.memberId);
    for (const r of refunded) add(r.memberId, null, 0, -r.minor);
  }
  return [...byMember.values()].map((b) => ({ ...b, spendMinor: spent.get(b.memberId) ?? 0 }));
}

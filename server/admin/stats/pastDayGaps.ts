import { and, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import { addDays } from '../../../shared/admin/stats';
import type { ShopFilter } from '../reports';
import type { HoDb } from '../../store/connect';
import { homeGaps, visitGaps } from '../../store/schema';

// "As of" a past day D, kept (server/stats/README.md): ho_member_activity's counts read every buyer at their
// LATEST purchase, right for all but those who bought again after D. Each of those stood at D in exactly one
// closed gap of their purchase days (last_day <= D < next_day, migration 0023): these sums add them as they
// stood. Today no gap closes after D, and the read is an empty index range.

/** Buyers who bought again after `asOf`, as they stood at it: how many, active in 30 / 90 days, visit bands. */
export interface LaterBuyersCounted {
  buyers: number;
  active30: number;
  active90: number;
  /** Visit bands 1, 2, 3–5, 6–10, more. */
  bands: number[];
}

const summed = (condition: ReturnType<typeof sql>) =>
  sql<number>`coalesce(sum(${visitGaps.buyers}) filter (where ${condition}), 0)`.mapWith(Number);

export async function laterBuyersCounted(db: HoDb, asOf: string): Promise<LaterBuyersCounted> {
  const g = visitGaps;
  const visits = (low: number, high: number) => sql`${g.visits} between ${low} and ${high}`;
  const [row] = await db
    .select({
      buyers: summed(sql`true`),
      active30: summed(sql`${g.lastDay} >= ${addDays(asOf, -29)}`),
      active90: summed(sql`${g.lastDay} >= ${addDays(asOf, -89)}`),
      one: summed(visits(1, 1)),
      two: summed(visits(2, 2)),
      few: summed(visits(3, 5)),
      many: summed(visits(6, 10)),
      most: summed(sql`${g.visits} > 10`),
    })
    .from(g)
    .where(and(gt(g.nextDay, asOf), lte(g.lastDay, asOf)));
  const r = row ?? { buyers: 0, active30: 0, active90: 0, one: 0, two: 0, few: 0, many: 0, most: 0 };
  return { buyers: r.buyers, active30: r.active30, active90: r.active90, bands: [r.one, r.two, r.few, r.many, r.most] };
}

/** Per home shop, buyers who bought from..to and again after `to` (their gap at `to` opened in the range). */
export async function laterBuyersByHomeShop(
  db: HoDb,
  from: string,
  to: string,
  shops: ShopFilter,
): Promise<{ shopId: string; n: number }[]> {
  const g = homeGaps;
  return db
    .select({ shopId: g.homeShopId, n: sql<number>`sum(${g.buyers})`.mapWith(Number) })
    .from(g)
    .where(
      and(
        gt(g.nextDay, to),
        gte(g.lastDay, from),
        lte(g.lastDay, to),
        sql`${g.homeShopId} <> ''`,
        shops === null ? undefined : inArray(g.homeShopId, [...shops]),
      ),
    )
    .groupBy(g.homeShopId);
}

import { and, asc, gte, inArray, lte } from 'drizzle-orm';
import type { DailyShopRow } from '../../../shared/admin/stats';
import type { ShopFilter } from '../reports';
import type { HoDb } from '../../store/connect';
import { dailyShop } from '../../store/schema';

/**
 * The summaries of the days from..to (inclusive) of the shops named: one index range read of
 * ho_daily_shop, never a scan of the sales (README.md). `shops` null: every shop.
 */
export async function dailyStats(db: HoDb, from: string, to: string, shops: ShopFilter): Promise<DailyShopRow[]> {
  return db
    .select()
    .from(dailyShop)
    .where(
      and(
        gte(dailyShop.day, from),
        lte(dailyShop.day, to),
        shops === null ? undefined : inArray(dailyShop.shopId, [...shops]),
      ),
    )
    .orderBy(asc(dailyShop.day), asc(dailyShop.shopId));
}

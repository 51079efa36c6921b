import { sql } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { dailyShop, ledger, members, sales } from '../store/schema';
import { rebuildSummaries } from './rebuildSummaries';

/**
 * A database that holds rows from before the summaries existed (ho_daily_shop empty, some sales,
 * ledger rows or members) gets them rebuilt once, before this process derives anything (the
 * derivation loop waits for it). The table lock makes processes starting together take turns: the
 * first rebuilds, the others find rows; a chunk another process is deriving waits at its summary
 * upsert and adds its deltas after the rebuild, which did not see its uncommitted rows.
 * Answers whether it rebuilt.
 */
export async function rebuildSummariesIfMissing(db: HoDb): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE ho_daily_shop IN EXCLUSIVE MODE`);
    const any = async (table: typeof dailyShop | typeof sales | typeof ledger | typeof members) =>
      (
        await tx
          .select({ one: sql<number>`1` })
          .from(table)
          .limit(1)
      ).length > 0;
    if (await any(dailyShop)) return false;
    if (!(await any(sales)) && !(await any(ledger)) && !(await any(members))) return false;
    await rebuildSummaries(tx);
    return true;
  });
}

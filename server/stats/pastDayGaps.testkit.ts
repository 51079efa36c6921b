import { sql } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { homeGaps, sales, visitGaps } from '../store/schema';

// The past-day tests' kit: one sale row of 10.00 at shop S (what each history is made of), and the kept gaps to
// compare.

/** A sale of 10.00 by `memberId` at shop S on `businessDay`, made at `createdAt`. */
export function plainSaleRow(sale: {
  id: string;
  seq: number;
  terminalId: string;
  memberId: string;
  businessDay: string;
  createdAt: number;
}): typeof sales.$inferInsert {
  return {
    ...sale,
    shopId: 'S',
    cardNumber: null,
    subtotalMinor: 1000,
    discountMinor: 0,
    totalMinor: 1000,
    pointsEarned: 10,
    pointsSpent: 0,
    ruleVersion: 1,
    currency: 'CNY',
  };
}

/** The kept gap rows with buyers, in key order. */
export async function keptGaps(db: HoDb) {
  const visits = await db
    .select()
    .from(visitGaps)
    .where(sql`${visitGaps.buyers} <> 0`)
    .orderBy(visitGaps.nextDay, visitGaps.lastDay, visitGaps.visits);
  const homes = await db
    .select()
    .from(homeGaps)
    .where(sql`${homeGaps.buyers} <> 0`)
    .orderBy(homeGaps.nextDay, homeGaps.lastDay, homeGaps.homeShopId);
  return { visits, homes };
}

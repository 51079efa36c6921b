import { sql } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { laterSpend, laterSpendValues, type refunds } from '../store/schema';

// The past-day RFM tests' kit: a refund row, and the later buyers' kept spend changes to compare.

/** A refund of `amount` minor units by `memberId` at shop S on `day`. */
export function refundRow(r: {
  serial: number;
  terminalId: string;
  memberId: string;
  day: string;
  amount: number;
}): typeof refunds.$inferInsert {
  return {
    id: `r-refund-${r.serial}`,
    saleId: 'r-none',
    terminalId: r.terminalId,
    shopId: 'S',
    seq: r.serial,
    memberId: r.memberId,
    settlement: 'terminal',
    amountMinor: r.amount,
    pointsReversed: 0,
    pointsReturned: 0,
    businessDay: r.day,
    createdAt: 0,
  };
}

/** The kept changes with buyers, in key order (rows left at zero are harmless: not compared). */
export async function keptLaterSpend(db: HoDb) {
  const buckets = await db
    .select()
    .from(laterSpend)
    .where(sql`${laterSpend.buyers} <> 0`)
    .orderBy(laterSpend.day, laterSpend.bucket);
  const values = await db
    .select()
    .from(laterSpendValues)
    .where(sql`${laterSpendValues.buyers} <> 0`)
    .orderBy(laterSpendValues.bucket, laterSpendValues.day, laterSpendValues.spendMinor);
  return { buckets, values };
}

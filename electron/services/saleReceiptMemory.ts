import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { SaleReceipt, SaleQuote } from '../../shared/contract';
import { saleLines, sales } from '../../db/schema';
import type { ResultMemory } from '../core/dispatch';
import type { ServiceContext } from '../core/context';

/*
 * What the idempotency memory keeps of a sale's receipt, so a double-submitted sale gets its
 * first receipt again. The sale's own rows are written in the same transaction and never
 * change: the totals, points, rule version, summary, explanation and lines are read back from
 * them. Only what they do not hold is kept: the quote's balances and tiers, the names shown.
 * That is a tenth of the receipt, and serialising the whole receipt was the largest single
 * piece of JSON a sale wrote (build/scripts/bench/PERFORMANCE.md).
 */
const ReceiptExtras = SaleReceipt.pick({
  saleId: true,
  maxPointsSpendable: true,
  balanceBefore: true,
  balanceAfter: true,
  tierAfter: true,
  nextTier: true,
  pointsToNextTier: true,
  tierUpgrade: true,
  birthdayBonus: true,
  memberName: true,
  shopName: true,
  terminalName: true,
  expiringSoon: true,
}).extend({
  // Kept whole (a name and a figure per campaign): a receipt remembered before campaigns has none.
  campaignBonuses: SaleReceipt.shape.campaignBonuses.default([]),
});
type ReceiptExtras = z.infer<typeof ReceiptExtras>;

const Explanation = SaleQuote.shape.explanation;

/** The extras of a receipt, as JSON (keys written out: a spread would cost the sale path more). */
export function rememberSaleReceipt(receipt: SaleReceipt): string {
  const extras: ReceiptExtras = {
    saleId: receipt.saleId,
    maxPointsSpendable: receipt.maxPointsSpendable,
    balanceBefore: receipt.balanceBefore,
    balanceAfter: receipt.balanceAfter,
    tierAfter: receipt.tierAfter,
    nextTier: receipt.nextTier,
    pointsToNextTier: receipt.pointsToNextTier,
    tierUpgrade: receipt.tierUpgrade,
    birthdayBonus: receipt.birthdayBonus,
    memberName: receipt.memberName,
    shopName: receipt.shopName,
    terminalName: receipt.terminalName,
    expiringSoon: receipt.expiringSoon ?? null,
    campaignBonuses: receipt.campaignBonuses,
  };
  return JSON.stringify(extras);
}

/** The first receipt again: the kept extras and the sale's own rows, keys in the receipt's order. */
export function recallSaleReceipt(ctx: ServiceContext, kept: string): SaleReceipt {
  const stored: unknown = JSON.parse(kept);
  // Rows remembered before the extras were introduced hold the whole receipt.
  if (typeof stored === 'object' && stored !== null && 'lines' in stored) return SaleReceipt.parse(stored);
  const extras = ReceiptExtras.parse(stored);
  const sale = ctx.db.select().from(sales).where(eq(sales.id, extras.saleId)).get();
  if (!sale) throw new Error(`remembered sale ${extras.saleId} is not stored`);
  const lines = ctx.db
    .select({
      lineNo: saleLines.lineNo,
      sku: saleLines.sku,
      name: saleLines.name,
      category: saleLines.category,
      quantity: saleLines.quantity,
      unitPriceMinor: saleLines.unitPriceMinor,
      lineTotalMinor: saleLines.lineTotalMinor,
      points: saleLines.points,
    })
    .from(saleLines)
    .where(eq(saleLines.saleId, sale.id))
    .orderBy(asc(saleLines.lineNo))
    .all();
  return {
    subtotalMinor: sale.subtotalMinor,
    discountMinor: sale.discountMinor,
    totalMinor: sale.totalMinor,
    pointsSpent: sale.pointsSpent,
    maxPointsSpendable: extras.maxPointsSpendable,
    pointsEarned: sale.pointsEarned,
    ruleVersion: sale.ruleVersion,
    summary: sale.earnSummary,
    campaignBonuses: extras.campaignBonuses,
    explanation: Explanation.parse(JSON.parse(sale.explanationJson)),
    balanceBefore: extras.balanceBefore,
    balanceAfter: extras.balanceAfter,
    tierAfter: extras.tierAfter,
    nextTier: extras.nextTier,
    pointsToNextTier: extras.pointsToNextTier,
    tierUpgrade: extras.tierUpgrade,
    birthdayBonus: extras.birthdayBonus,
    saleId: sale.id,
    memberId: sale.memberId,
    memberName: extras.memberName,
    cardNumber: sale.cardNumber,
    lines,
    createdAt: sale.createdAt,
    shopName: extras.shopName,
    terminalName: extras.terminalName,
    currency: sale.currency,
    expiringSoon: extras.expiringSoon ?? null,
  };
}

export const saleReceiptMemory: ResultMemory<SaleReceipt> = {
  remember: rememberSaleReceipt,
  recall: recallSaleReceipt,
};

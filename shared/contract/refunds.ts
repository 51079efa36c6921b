import { z } from 'zod';
import { EpochMs, MinorAmount, Points, RequestId, Uuid } from './primitives';

/** One line of a refund: the original sale's line number and how many of it come back. */
export const RefundLineInput = z.object({
  lineNo: z.number().int().min(1).max(200),
  quantity: z.number().int().min(1).max(9_999),
});

export const SaleForRefundInput = z.object({ saleId: Uuid });

export const RefundSaleInput = z.object({
  requestId: RequestId,
  saleId: Uuid,
  lines: z
    .array(RefundLineInput)
    .min(1)
    .max(200)
    .refine((lines) => new Set(lines.map((l) => l.lineNo)).size === lines.length, 'refund_line_repeated'),
  /**
   * Only for a sale this till does not hold while head office cannot be reached: the member the
   * cashier found, so the refund is on their history until head office settles it.
   */
  memberId: Uuid.nullable().default(null),
});

/** A ledger row of the sale, as the refund arithmetic reads it (shared/domain/refund.ts). */
export const RefundableLedgerView = z.object({
  id: Uuid,
  kind: z.enum(['earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal']),
  delta: z.number().int(),
  ruleVersion: z.number().int().nullable(),
  campaignId: z.string().nullable(),
});

export const RefundableLineView = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: MinorAmount,
  lineTotalMinor: MinorAmount,
  points: Points,
  /** Refunded before (this till's refunds and those head office knows of). */
  refundedQuantity: z.number().int().min(0),
});

/** The sale as a refund sees it: its lines with what is left to refund, and its ledger rows. */
export const SaleForRefundView = z.object({
  saleId: Uuid,
  /** Where the till found it: its own database, or head office's (a sale of another shop). */
  source: z.enum(['local', 'headOffice']),
  memberId: Uuid.nullable(),
  memberName: z.string().nullable(),
  createdAt: EpochMs,
  subtotalMinor: MinorAmount,
  discountMinor: MinorAmount,
  totalMinor: MinorAmount,
  pointsEarned: Points,
  pointsSpent: Points,
  ruleVersion: z.number().int(),
  currency: z.string(),
  lines: z.array(RefundableLineView),
  ledger: z.array(RefundableLedgerView),
  /** Every line is refunded whole already. */
  fullyRefunded: z.boolean(),
});
export type SaleForRefundView = z.infer<typeof SaleForRefundView>;

export const RefundReceipt = z.object({
  refundId: Uuid,
  saleId: Uuid,
  /** 'terminal': settled here; 'headOffice': recorded offline, head office settles it when it syncs. */
  settlement: z.enum(['terminal', 'headOffice']),
  memberId: Uuid.nullable(),
  memberName: z.string().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      amountMinor: MinorAmount.nullable(),
    }),
  ),
  /** Money back; null while head office has not settled an offline refund. */
  amountMinor: MinorAmount.nullable(),
  pointsReversed: Points.nullable(),
  pointsReturned: Points.nullable(),
  balanceBefore: z.number().int().nullable(),
  balanceAfter: z.number().int().nullable(),
  /** The refund took the balance below zero: allowed, and flagged. */
  belowZero: z.boolean(),
  createdAt: EpochMs,
  shopName: z.string(),
  terminalName: z.string(),
  currency: z.string(),
});
export type RefundReceipt = z.infer<typeof RefundReceipt>;

import { z } from 'zod';
import { SaleLineRecord } from './records';

/**
 * A till asks head office for a sale it does not hold (another shop's), to refund it: the sale, its
 * lines, the ledger rows a refund reverses, and what head office knows was refunded already.
 * `isRefund`: the id names a refund, which cannot itself be refunded.
 */
export const SaleForRefundRequest = z.object({
  protocolVersion: z.number().int(),
  terminalId: z.string().uuid(),
  shopId: z.string().min(1).max(64),
  saleId: z.string().uuid(),
});

export const HoRefundableSale = z.object({
  id: z.string().uuid(),
  memberId: z.string().uuid().nullable(),
  subtotalMinor: z.number().int().min(0),
  discountMinor: z.number().int().min(0),
  totalMinor: z.number().int().min(0),
  pointsEarned: z.number().int().min(0),
  pointsSpent: z.number().int().min(0),
  ruleVersion: z.number().int(),
  currency: z.string(),
  createdAt: z.number().int().min(0),
  lines: z.array(SaleLineRecord),
  ledger: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.enum(['earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal']),
      delta: z.number().int(),
      ruleVersion: z.number().int().nullable(),
      campaignId: z.string().nullable(),
    }),
  ),
  refunded: z.array(z.object({ lineNo: z.number().int().min(1), quantity: z.number().int().min(0) })),
});
export type HoRefundableSale = z.infer<typeof HoRefundableSale>;

export const SaleForRefundResponse = z.object({ sale: HoRefundableSale.nullable(), isRefund: z.boolean() });
export type SaleForRefundResponse = z.infer<typeof SaleForRefundResponse>;

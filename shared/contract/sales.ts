import { z } from 'zod';
import { EpochMs, MemberCheckTicket, MinorAmount, Points, RequestId, Uuid } from './primitives';
import { ExpiringSoon } from './expiry';
import { TierView } from './terminal';
import { isStorableText, UNSTORABLE_TEXT } from '../storableText';

export const SaleLineInput = z.object({
  sku: z.string().trim().min(1).max(40).refine(isStorableText, UNSTORABLE_TEXT),
  name: z.string().trim().max(80).refine(isStorableText, UNSTORABLE_TEXT).default(''),
  /** As typed; the core resolves it against the shop's categories (empty = the shop's default). */
  category: z.string().trim().max(40).refine(isStorableText, UNSTORABLE_TEXT).default(''),
  quantity: z.number().int().min(1).max(9_999),
  unitPriceMinor: MinorAmount,
});
export type SaleLineInput = z.input<typeof SaleLineInput>;

const SaleBody = z.object({
  /** null = anonymous sale: recorded, earns nothing. */
  memberId: Uuid.nullable(),
  lines: z.array(SaleLineInput).min(1).max(200),
  /** Points the member spends as a discount on this sale (the cashier's partial amount). */
  pointsToSpend: Points.default(0),
});

export const PreviewSaleInput = SaleBody;
export const RecordSaleInput = SaleBody.extend({
  requestId: RequestId,
  /** The total the cashier confirmed in the large-sale dialog; needed (and must match) above the shop's limit. */
  confirmedTotalMinor: MinorAmount.optional(),
  /** A member check passed just before (verifyMember): needed for points above the shop's threshold. */
  memberCheck: MemberCheckTicket.optional(),
});

export const ExplanationView = z.object({
  code: z.string(),
  text: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** What this member may spend on this sale (shared/domain/rules/pointsEntry.ts); null when anonymous. */
export const SpendLimitsView = z.object({ minPoints: Points, balance: Points, saleMaxPoints: z.number().int().min(0) });

/** A running campaign's bonus on this sale, by the campaign's name (shared/domain/campaigns/applyCampaigns.ts). */
export const CampaignBonusView = z.object({ campaignId: Uuid, name: z.string(), points: Points });
export type CampaignBonusView = z.infer<typeof CampaignBonusView>;

/** What a sale costs and earns: shared by the quote (before) and the receipt (after). */
const SaleFigures = z.object({
  subtotalMinor: MinorAmount,
  discountMinor: MinorAmount,
  totalMinor: MinorAmount,
  pointsSpent: Points,
  maxPointsSpendable: Points,
  /** The programme's points and every campaign bonus (campaignBonuses) together. */
  pointsEarned: Points,
  ruleVersion: z.number().int(),
  summary: z.string(),
  campaignBonuses: z.array(CampaignBonusView),
  explanation: z.array(ExplanationView),
  balanceBefore: z.number().int().nullable(),
  balanceAfter: z.number().int().nullable(),
  tierAfter: TierView.nullable(),
  nextTier: TierView.nullable(),
  pointsToNextTier: z.number().int().min(0).nullable(),
  /** This sale crossed a threshold: the member rose from one tier to another (the receipt says so). */
  tierUpgrade: z.object({ from: TierView.nullable(), to: TierView }).nullable().optional(),
  /** Points given on this sale as the member's birthday bonus (once a year, a ledger row of its own). */
  birthdayBonus: Points.optional(),
});

export const SaleQuote = SaleFigures.extend({ spendLimits: SpendLimitsView.nullable() });
export type SaleQuote = z.infer<typeof SaleQuote>;

export const SaleLineView = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: MinorAmount,
  lineTotalMinor: MinorAmount,
  points: Points,
});

export const SaleReceipt = SaleFigures.extend({
  saleId: Uuid,
  memberId: Uuid.nullable(),
  memberName: z.string().nullable(),
  cardNumber: z.string().nullable(),
  lines: z.array(SaleLineView),
  createdAt: EpochMs,
  shopName: z.string(),
  terminalName: z.string(),
  currency: z.string(),
  /** The member's points expiring within 30 days after this sale (null: none; absent before issue 15). */
  expiringSoon: ExpiringSoon.nullable().optional(),
});
export type SaleReceipt = z.infer<typeof SaleReceipt>;

export const SaleSummaryView = z.object({
  saleId: Uuid,
  createdAt: EpochMs,
  totalMinor: MinorAmount,
  discountMinor: MinorAmount,
  pointsEarned: Points,
  pointsSpent: Points,
  lineCount: z.number().int(),
  summary: z.string(),
});
export type SaleSummaryView = z.infer<typeof SaleSummaryView>;

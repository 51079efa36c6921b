import { z } from 'zod';
import { EpochMs, MemberCheckTicket, MinorAmount, Points, RequestId, Uuid } from './primitives';

export const RewardView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  pointsCost: Points,
  cashValueMinor: MinorAmount,
  /** null = unlimited. */
  stock: z.number().int().min(0).nullable(),
  active: z.boolean(),
  /** Only this tier or a higher one may take it (the list says why it is unavailable). */
  minTierCode: z.string().nullable().optional(),
  /** Points for one unit now: pointsCost priced by the shop's rewardPricing (shared/domain/rules/rewardPricing.ts). */
  price: Points,
  /** Why the price is not pointsCost: the reward's category, scarce stock, clearance. */
  priceReasons: z.array(z.enum(['category', 'scarce', 'clearance'])),
});
export type RewardView = z.infer<typeof RewardView>;

export const ListRewardsInput = z.object({ includeInactive: z.boolean().default(false) });

export const RedeemRewardInput = z.object({
  requestId: RequestId,
  memberId: Uuid,
  rewardId: Uuid,
  quantity: z.number().int().min(1).max(99).default(1),
  /** A member check passed just before (verifyMember): needed above the shop's threshold. */
  memberCheck: MemberCheckTicket.optional(),
});

export const RedemptionReceipt = z.object({
  redemptionId: Uuid,
  memberId: Uuid,
  rewardId: Uuid,
  rewardName: z.string(),
  quantity: z.number().int(),
  pointsSpent: Points,
  balanceAfter: z.number().int(),
  stockAfter: z.number().int().nullable(),
  createdAt: EpochMs,
});
export type RedemptionReceipt = z.infer<typeof RedemptionReceipt>;

import { z } from 'zod';
import { DAY_RE } from '../domain/patterns';
import { Currency } from './primitives';

const Count = z.number().int().min(0);
/** A day's money in minor units: a sum of many sales, so not capped like one sale. */
const DayMinor = z.number().int().min(0);
const DayPoints = z.number().int().min(0);

export const DayReportInput = z.object({
  /** The shop's calendar day (YYYY-MM-DD); today in the till's zone when left out. */
  businessDay: z.string().regex(DAY_RE).optional(),
});

export const RewardRedemptions = z.object({
  rewardId: z.string(),
  code: z.string(),
  name: z.string(),
  count: Count,
  quantity: Count,
  points: DayPoints,
});
export type RewardRedemptions = z.infer<typeof RewardRedemptions>;

/**
 * The figures of one business day at this till (issue 16 item 4): the manager's end-of-day report.
 * The nightly close sends a subset of the same figures (electron/services/dayFigures.ts).
 */
export const DayReport = z.object({
  businessDay: z.string().regex(DAY_RE),
  currency: Currency,
  sales: z.object({ count: Count, amountMinor: DayMinor }),
  /** Sales with a member's card: the members' share of the day. */
  memberSales: z.object({ count: Count, amountMinor: DayMinor }),
  newMembers: Count,
  points: z.object({
    /** Earned on sales. */
    earned: DayPoints,
    /** Spent as sale discounts and on rewards. */
    spent: DayPoints,
    expired: DayPoints,
  }),
  redemptions: z.object({ count: Count, points: DayPoints, byReward: z.array(RewardRedemptions) }),
  refunds: z.object({ count: Count, amountMinor: DayMinor, pointsReversed: DayPoints }),
});
export type DayReport = z.infer<typeof DayReport>;

import { z } from 'zod';

// Head office's statistics routes (issue 16): what a query string can carry and what they answer.
// The figures come from the summaries the deriver keeps (server/stats/README.md).

/** A calendar day, YYYY-MM-DD, that exists. */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(d);
  }, 'no such day');

/** The longest range one call answers: a year and a day (a leap year's, and the day it started). */
export const MAX_STATS_DAYS = 367;
const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** The days a range left out stands for: the last 30, up to today. */
export const DEFAULT_STATS_DAYS = 30;

/** The day `days` days after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Days from `from` to `to` inclusive, of one shop or (left out) every shop the caller sees. `to`
 * left out: today (head office's zone); `from` left out: 30 days up to `to`.
 */
export const StatsDailyQuery = z
  .object({ from: Day.optional(), to: Day.optional(), shop: z.string().min(1).max(64).optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['to'] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= MAX_STATS_DAYS, {
    message: `at most ${MAX_STATS_DAYS} days`,
    path: ['to'],
  });

/** One shop's business day; points columns are positive amounts except points_adjusted (signed). */
export const DailyShopRow = z.strictObject({
  shopId: z.string(),
  day: z.string(),
  salesCount: z.number().int(),
  salesMinor: z.number().int(),
  memberSalesCount: z.number().int(),
  memberSalesMinor: z.number().int(),
  refundsCount: z.number().int(),
  refundsMinor: z.number().int(),
  newMembers: z.number().int(),
  pointsEarned: z.number().int(),
  pointsRedeemed: z.number().int(),
  pointsExpired: z.number().int(),
  pointsReversed: z.number().int(),
  pointsAdjusted: z.number().int(),
});
export type DailyShopRow = z.infer<typeof DailyShopRow>;

/** A shop-day's figures before anything happened: where head office starts a day, and what a missing day means. */
export const NO_DAILY_FIGURES = {
  salesCount: 0,
  salesMinor: 0,
  memberSalesCount: 0,
  memberSalesMinor: 0,
  refundsCount: 0,
  refundsMinor: 0,
  newMembers: 0,
  pointsEarned: 0,
  pointsRedeemed: 0,
  pointsExpired: 0,
  pointsReversed: 0,
  pointsAdjusted: 0,
} as const satisfies Omit<DailyShopRow, 'shopId' | 'day'>;

/** The days that have any figure, by day then shop (a day without a row had nothing). */
export const StatsDailyAnswer = z.strictObject({ days: z.array(DailyShopRow) });

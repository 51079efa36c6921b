import { z } from 'zod';
import { StatsPeriod } from '../stats/periods';
import { RfmSegment, RfmThresholds } from '../stats/rfm';
import { Day, daysBetween, MAX_STATS_DAYS } from './stats';

// The statistics views of issue 16 item 2 (server/stats/README.md): queries and answers. Rates are
// basis points floored once (shared/stats/periods.ts rateBp), null where the whole is 0.

const Bp = z.number().int().nullable();
const Int = z.number().int();

/** A range (as statsDaily: 30 days up to today when left out), a shop or every shop the caller sees, a period (day). */
export const StatsPeriodQuery = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    shop: z.string().min(1).max(64).optional(),
    period: StatsPeriod.default('day'),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from is after to', path: ['to'] })
  .refine((v) => !v.from || !v.to || daysBetween(v.from, v.to) <= MAX_STATS_DAYS, {
    message: `at most ${MAX_STATS_DAYS} days`,
    path: ['to'],
  });

/** A day the figures are "as of" (today when left out). */
export const StatsAsOfQuery = z.object({ asOf: Day.optional() }).strict();

const Span = { key: z.string(), from: z.string(), to: z.string() };

export const StatsGrowthAnswer = z.strictObject({
  from: z.string(),
  to: z.string(),
  period: StatsPeriod,
  periods: z.array(
    z.strictObject({
      ...Span,
      newMembers: Int,
      membersAtStart: Int,
      membersAtEnd: Int,
      /** newMembers ÷ membersAtStart. */
      growthBp: Bp,
    }),
  ),
});

export const VisitBand = z.enum(['1', '2', '3-5', '6-10', '>10']);

export const StatsActivityAnswer = z.strictObject({
  asOf: z.string(),
  membersTotal: Int,
  /** Members with a purchase so far. */
  buyers: Int,
  active30: Int,
  active90: Int,
  active30Bp: Bp,
  active90Bp: Bp,
  /** Buyers by their LIFETIME visits (sales), each band once. */
  frequency: z.array(z.strictObject({ band: VisitBand, members: Int })),
});

export const StatsSpendAnswer = z.strictObject({
  from: z.string(),
  to: z.string(),
  period: StatsPeriod,
  periods: z.array(
    z.strictObject({
      ...Span,
      salesCount: Int,
      salesMinor: Int,
      memberSalesCount: Int,
      memberSalesMinor: Int,
      averageBasketMinor: Int.nullable(),
      memberAverageBasketMinor: Int.nullable(),
      memberShareCountBp: Bp,
      memberShareAmountBp: Bp,
      /**
       * Members who bought in the period and members' sales ÷ them: only for a whole calendar month
       * of the whole chain (ho_member_month has no shop); null otherwise.
       */
      activeMembers: Int.nullable(),
      spendPerActiveMemberMinor: Int.nullable(),
    }),
  ),
});

export const StatsPointsAnswer = z.strictObject({
  from: z.string(),
  to: z.string(),
  period: StatsPeriod,
  /** The rule set's redemption value (null: no rules published): pointsPerUnit points are worth unitValueMinor. */
  redemption: z.strictObject({ pointsPerUnit: Int, unitValueMinor: Int }).nullable(),
  periods: z.array(
    z.strictObject({
      ...Span,
      issued: Int,
      redeemed: Int,
      expired: Int,
      reversed: Int,
      adjusted: Int,
      outstandingAtEnd: Int,
      /** outstandingAtEnd × unitValueMinor ÷ pointsPerUnit, floored; null without rules. */
      liabilityMinor: Int.nullable(),
      /** expired ÷ issued. */
      breakageBp: Bp,
    }),
  ),
});

export const StatsShopsAnswer = z.strictObject({
  from: z.string(),
  to: z.string(),
  shops: z.array(
    z.strictObject({
      shopId: z.string(),
      salesCount: Int,
      salesMinor: Int,
      memberSalesCount: Int,
      memberSalesMinor: Int,
      memberShareCountBp: Bp,
      memberShareAmountBp: Bp,
      newMembers: Int,
      pointsIssued: Int,
      /** Members whose home shop it is with a purchase in the 30 days up to `to`. */
      activeMembers: Int,
    }),
  ),
});

/** The RFM view: as of a day (today when left out), with the trend over the last `months` month ends. */
export const StatsRfmQuery = z
  .object({ asOf: Day.optional(), months: z.coerce.number().int().min(1).max(24).default(6) })
  .strict();

const FiveCounts = z.array(Int).length(5);

export const StatsRfmAnswer = z.strictObject({
  asOf: z.string(),
  buyers: Int,
  thresholds: RfmThresholds,
  /** Members per score 1..5 (index 0 = score 1). */
  recency: FiveCounts,
  frequency: FiveCounts,
  monetary: FiveCounts,
  segments: z.array(z.strictObject({ segment: RfmSegment, members: Int })),
  /**
   * Segment sizes at the end of each of the last `months` months, oldest first (the last one ends at
   * asOf's month end), each scored by the quintiles of that moment's buyers.
   */
  trend: z.array(
    z.strictObject({
      month: z.string(),
      buyers: Int,
      segments: z.array(z.strictObject({ segment: RfmSegment, members: Int })),
    }),
  ),
});

/** The tiers a tier view names: the ladder's, lowest first, then any code its history holds that the ladder dropped. */
const TierNames = z.array(z.strictObject({ code: z.string(), name: z.string() }));

/** Members per tier at the end of each period (the last one: as of `to`), members with no tier apart. */
export const StatsTiersAnswer = z.strictObject({
  from: z.string(),
  to: z.string(),
  period: StatsPeriod,
  tiers: TierNames,
  periods: z.array(
    z.strictObject({
      ...Span,
      /** Members registered up to the period's end (home shop's, as statsGrowth). */
      members: Int,
      noTier: Int,
      /** Members in each tier of `tiers`, in its order. */
      byTier: z.array(Int),
      /** byTier ÷ members. */
      byTierBp: z.array(Bp),
    }),
  ),
});

/** Tier changes per period, up (to a higher rank) and down, and the range's from → to counts. */
export const StatsTierMovesAnswer = z.strictObject({
  from: z.string(),
  to: z.string(),
  period: StatsPeriod,
  tiers: TierNames,
  periods: z.array(z.strictObject({ ...Span, upgrades: Int, downgrades: Int })),
  /** Each (from, to) pair that happened in from..to; null is no tier. */
  moves: z.array(z.strictObject({ fromTier: z.string().nullable(), toTier: z.string().nullable(), changes: Int })),
});

import { z } from 'zod';

// Head office's campaign effect and what-if routes (issue 16, items 1 and 3): what they take and
// answer. How the figures are made: server/campaigns/README.md.

const Int = z.number().int();
const Count = Int.min(0);

/** What a campaign's ledger rows say, overall or at one shop. */
export const EffectFigures = z.strictObject({
  /** Members who earned its bonus. */
  participants: Count,
  /** Sales that carried its bonus, and their totals (minor units). */
  attributedSales: Count,
  attributedSalesMinor: Int,
  /** Points its rows gave (earn rows), and what is left of them after refunds' reversals. */
  pointsIssued: Int,
  pointsNet: Int,
  /** pointsIssued at the programme's redemption value, minor units (rounded half up). */
  costMinor: Int,
});
export type EffectFigures = z.infer<typeof EffectFigures>;

const Group = z.strictObject({ n: Count, mean: z.number() });

/** One measure (spend or visits per member): treated vs holdout, and the difference with its 95% interval. */
export const LiftMeasure = z.strictObject({
  treated: Group,
  holdout: Group,
  /** treated mean − holdout mean (null when a group is empty). */
  difference: z.number().nullable(),
  /** Welch's 95% interval; null when not computable, with why. */
  interval: z.strictObject({ low: z.number(), high: z.number(), df: z.number() }).nullable(),
  notComputable: z.enum(['groupTooSmall', 'noVariance', 'targetUnknown']).nullable(),
});
export type LiftMeasure = z.infer<typeof LiftMeasure>;

export const LiftFigures = z.strictObject({ spendMinor: LiftMeasure, visits: LiftMeasure });
export type LiftFigures = z.infer<typeof LiftFigures>;

export const ShopEffect = z.strictObject({ shopId: z.string(), figures: EffectFigures, lift: LiftFigures });

export const CampaignEffectAnswer = z.strictObject({
  campaignId: z.string(),
  /** The window measured: the campaign's start to its end (or now, when still running). */
  from: Int,
  to: Int,
  /** The population's look-back: members who bought in [lookbackFrom, from) (README: why). */
  lookbackFrom: Int,
  /** The smallest group an interval is computed for. */
  minGroup: Count,
  overall: EffectFigures,
  lift: LiftFigures,
  /** The same lift among members who bought in the window (conditioned on buying: biased, for comparison). */
  liftAmongBuyers: LiftFigures,
  shops: z.array(ShopEffect),
});
export type CampaignEffectAnswer = z.infer<typeof CampaignEffectAnswer>;

/** The most weeks a what-if replays, and the most sales it reads. */
export const MAX_WHAT_IF_WEEKS = 26;
export const WHAT_IF_SALES_CAP = 20_000;

export const WhatIfQuery = z.strictObject({ weeks: z.coerce.number().int().min(1).max(MAX_WHAT_IF_WEEKS) });

export const WhatIfFigures = z.strictObject({
  bonusPoints: Count,
  costMinor: Count,
  /** Members who would have got a bonus; sales that would have carried one; signups that would have. */
  members: Count,
  sales: Count,
  signups: Count,
});
export type WhatIfFigures = z.infer<typeof WhatIfFigures>;

export const WhatIfAnswer = z.strictObject({
  from: Int,
  to: Int,
  weeks: Int.min(1),
  /** Sales read (members' sales in the weeks); capped: more were there and were left out (the latest). */
  salesScanned: Count,
  signupsScanned: Count,
  capped: z.boolean(),
  cap: Count,
  total: WhatIfFigures,
  byWeek: z.array(z.strictObject({ weekStart: Int, figures: WhatIfFigures })),
  byShop: z.array(z.strictObject({ shopId: z.string(), figures: WhatIfFigures })),
  /** Points the budget would have withheld, and when it would have run out (null: it did not). */
  budget: z.strictObject({ budgetPoints: Count, withheldPoints: Count, exhaustedAt: Int.nullable() }),
  /** Points the per-member limit would have withheld, from how many members (0 when there is none). */
  memberLimit: z.strictObject({ perMemberLimit: Count.nullable(), withheldPoints: Count, membersCapped: Count }),
});
export type WhatIfAnswer = z.infer<typeof WhatIfAnswer>;

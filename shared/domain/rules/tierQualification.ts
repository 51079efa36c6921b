import { z } from 'zod';

// How a member qualifies for a tier: what is counted and over which window. NEVER the balance:
// spending points must not demote anyone. The ladder's thresholds (TierDef.qualifyPoints) are read
// in the measure's unit: points earned, or spend in minor units.

export const MAX_WINDOW_MONTHS = 120;

export const TierWindow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lifetime') }),
  z.object({
    kind: z.literal('rollingMonths'),
    months: z
      .number()
      .int()
      .min(1, 'a qualification window needs at least 1 month')
      .max(MAX_WINDOW_MONTHS, `a qualification window is at most ${MAX_WINDOW_MONTHS} months`),
  }),
  z.object({ kind: z.literal('calendarYear') }),
]);
export type TierWindow = z.output<typeof TierWindow>;

export const TierMeasure = z.enum(['pointsEarned', 'spend']);
export type TierMeasure = z.output<typeof TierMeasure>;

export const TierQualification = z.object({ measure: TierMeasure, window: TierWindow });
export type TierQualification = z.output<typeof TierQualification>;

/** Today's behaviour: lifetime points earned, tiers only rise. */
export const DEFAULT_TIER_QUALIFICATION: TierQualification = { measure: 'pointsEarned', window: { kind: 'lifetime' } };

/** The RuleSet field (one line in ruleSet.ts). */
export const tierQualificationField = TierQualification.default(DEFAULT_TIER_QUALIFICATION);

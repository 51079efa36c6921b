import { z } from 'zod';
import { ExpiryPolicy } from './expiryPolicy';
import { birthdayBonusByTierField } from './tierBenefits';
import { tierQualificationField } from './tierQualification';
import { RewardPricing, ValueByTierBp } from './rewardPricing';

// A rule set is versioned: every ledger row names the version it was earned under, so a refund
// can reverse exactly what the sale earned even after head office has changed the rules.

/** Earn `points` for every `perMinor` minor units. */
export const Ratio = z.object({
  points: z.number().int().min(0).max(1_000_000),
  perMinor: z.number().int().min(1).max(100_000_000),
});
export type Ratio = z.output<typeof Ratio>;

/** A multiplier in basis points: 10000 = ×1, 15000 = ×1.5, 0 = excluded. */
export const Bp = z.number().int().min(0).max(1_000_000);

export const RoundingPolicy = z.enum(['floor', 'half-up', 'ceil']);
export type RoundingPolicy = z.output<typeof RoundingPolicy>;

// Ladders must be unambiguous: strictly ascending thresholds, and the first band must cover
// everything (amount 0 / the first visit) so no sale falls below the ladder.
function ascendingFrom<T>(key: (b: T) => number, start: number, what: string) {
  return (bands: T[], ctx: z.RefinementCtx): void => {
    bands.forEach((band, i) => {
      const at = key(band);
      if (i === 0 && at !== start) {
        ctx.addIssue({ code: 'custom', path: [i], message: `the first ${what} band must start at ${start}` });
      }
      const prev = bands[i - 1];
      if (prev !== undefined && at <= key(prev)) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `${what} bands must be strictly ascending (band ${i} starts at ${at}, not above ${key(prev)})`,
        });
      }
    });
  };
}

const categoryKey = (s: string): string => s.trim().toLowerCase();
// Two spellings of one category ('Bakery', 'bakery') keep the smaller multiplier: never more points by case.
function lowerKeys(byCategory: Record<string, number>): Record<string, number> {
  const out = new Map<string, number>();
  for (const [k, bp] of Object.entries(byCategory)) {
    const key = categoryKey(k);
    const seen = out.get(key);
    out.set(key, seen === undefined ? bp : Math.min(seen, bp));
  }
  return Object.fromEntries(out);
}

const AmountBand = z.object({ fromMinor: z.number().int().min(0), ratio: Ratio });
const VisitBand = z.object({ fromVisit: z.number().int().min(1), points: z.number().int().min(0) });

export const RuleSet = z.object({
  version: z.number().int().min(1),
  rounding: RoundingPolicy.default('floor'),
  base: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('perAmount'), ratio: Ratio }),
    // The band whose fromMinor the eligible amount reaches applies to the WHOLE eligible amount.
    z.object({
      kind: z.literal('ladderAmount'),
      bands: z
        .array(AmountBand)
        .min(1)
        .superRefine(ascendingFrom((b: z.output<typeof AmountBand>) => b.fromMinor, 0, 'amount')),
    }),
  ]),
  visit: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({
        kind: z.literal('perVisit'),
        points: z.number().int().min(0),
        minSpendMinor: z.number().int().min(0).default(0),
      }),
      // The member's Nth visit (1-based, this sale included) earns the last band whose fromVisit <= N.
      z.object({
        kind: z.literal('ladderVisits'),
        bands: z
          .array(VisitBand)
          .min(1)
          .superRefine(ascendingFrom((b: z.output<typeof VisitBand>) => b.fromVisit, 1, 'visit')),
        minSpendMinor: z.number().int().min(0).default(0),
      }),
    ])
    .default({ kind: 'none' }),
  // By tier code, e.g. { GOLD: 15000 }; positive: a tier that earned nothing would punish loyalty.
  tierMultipliersBp: z.record(z.string(), Bp.min(1, 'a tier multiplier must be positive')).default({}),
  tierQualification: tierQualificationField, // tierQualification.ts
  birthdayBonusByTier: birthdayBonusByTierField, // tierBenefits.ts
  // Category codes are trimmed and lower-cased, as sale lines are resolved (shared/domain/categories.ts).
  categoryMultipliersBp: z.record(z.string(), Bp).default({}).transform(lowerKeys),
  skuMultipliersBp: z.record(z.string(), Bp).default({}), // sku beats category
  excludedCategories: z.array(z.string().transform(categoryKey)).default([]),
  excludedSkus: z.array(z.string()).default([]),
  // pointsPerUnit points are worth unitValueMinor minor units as a discount.
  redemption: z.object({
    pointsPerUnit: z.number().int().min(1),
    unitValueMinor: z.number().int().min(1),
    maxDiscountBp: z.number().int().min(0).max(10000).default(10000),
    minPoints: z.number().int().min(0).default(0),
    valueByTierBp: ValueByTierBp, // rewardPricing.ts
  }),
  expiry: ExpiryPolicy.default({ kind: 'never' }), // shared/domain/rules/expiryPolicy.ts
  rewardPricing: RewardPricing.optional(), // rewardPricing.ts; absent = fixed prices
});
export type RuleSet = z.output<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;

/** 1 point per ¥1, floor, no visit points, Bronze ×1 / Silver ×1.2 / Gold ×1.5, 100 points = ¥1. */
export const DEFAULT_RULE_SET: RuleSet = RuleSet.parse({
  version: 1,
  rounding: 'floor',
  base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
  visit: { kind: 'none' },
  tierMultipliersBp: { BRONZE: 10000, SILVER: 12000, GOLD: 15000 },
  redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
} satisfies RuleSetInput);

import { z } from 'zod';

// Dynamic redemption (seed §4.2): the points price of a reward may depend on its category and on
// its stock, and a point may be worth more as a discount in a higher tier. Both are optional parts
// of the RuleSet whose defaults keep fixed prices and one value per point. ONE function prices a
// reward (rewardPrice) for the rewards list, the redemption and head office alike.

const Bp = z.number().int().min(1).max(1_000_000);
const categoryKey = (s: string): string => s.trim().toLowerCase();

/** Scarce: at or below `atOrBelow` left, the price rises (×1.5 = 15000); never lowers it. */
const ScarceBand = z.object({ atOrBelow: z.number().int().min(0), multiplierBp: Bp.min(10_000) });
/** Clearance: at or above `atOrAbove` left, the price falls (×0.8 = 8000); never raises it. */
const ClearanceBand = z.object({ atOrAbove: z.number().int().min(1), multiplierBp: Bp.max(10_000) });

export const RewardPricing = z
  .object({
    /** By reward category (trimmed, lower-cased), e.g. { drinks: 12000 }; absent = ×1. */
    categoryMultipliersBp: z
      .record(z.string(), Bp)
      .default({})
      .transform((byCategory) =>
        Object.fromEntries(Object.entries(byCategory).map(([k, bp]) => [categoryKey(k), bp] as const)),
      ),
    scarce: ScarceBand.nullable().default(null),
    clearance: ClearanceBand.nullable().default(null),
  })
  .refine((p) => p.scarce === null || p.clearance === null || p.scarce.atOrBelow < p.clearance.atOrAbove, {
    path: ['clearance', 'atOrAbove'],
    message: 'stock_bands_overlap',
  });
export type RewardPricing = z.output<typeof RewardPricing>;
export type RewardPricingInput = z.input<typeof RewardPricing>;

/** Fixed prices: every reward costs its own points cost. */
export const FIXED_PRICING: RewardPricing = RewardPricing.parse({});

/** By tier code, the value of a point as a discount: 12000 = a GOLD point buys 1.2× as much; absent = ×1. */
export const ValueByTierBp = z.record(z.string(), Bp).optional();

/** Why a reward's price is not its plain cost, for the rewards list (both languages name these). */
export type PriceReason = 'category' | 'scarce' | 'clearance';

export interface RewardPrice {
  /** Points for one unit now. */
  points: number;
  /** The reward's own cost, before any multiplier. */
  basePoints: number;
  /** The product of the multipliers that applied, in basis points. */
  multiplierBp: number;
  reasons: PriceReason[];
}

/** round-half-up(a × b / c) for whole a, b >= 0, c >= 1; exact past 2^53 through BigInt. */
function mulDivHalfUp(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product + c)) return Math.floor((product + Math.floor(c / 2)) / c);
  return Number((BigInt(a) * BigInt(b) + BigInt(c) / 2n) / BigInt(c));
}

/**
 * The points price of one unit of a reward at this stock (null = unlimited, no stock band):
 * its cost × the category multiplier × the stock band's, rounded half up. A reward that costs
 * something never becomes free by a multiplier (at least 1 point).
 */
export function rewardPrice(
  reward: { pointsCost: number; category: string },
  pricing: RewardPricing | undefined,
  stock: number | null,
): RewardPrice {
  const base = reward.pointsCost;
  const fixed = { points: base, basePoints: base, multiplierBp: 10_000, reasons: [] };
  if (!pricing) return fixed;
  const reasons: PriceReason[] = [];
  let multiplierBp = 10_000;
  const byCategory = pricing.categoryMultipliersBp[categoryKey(reward.category)];
  if (byCategory !== undefined && byCategory !== 10_000) {
    multiplierBp = byCategory;
    reasons.push('category');
  }
  const { scarce, clearance } = pricing;
  let stockBp = 10_000;
  if (stock !== null && scarce !== null && stock <= scarce.atOrBelow && scarce.multiplierBp !== 10_000) {
    stockBp = scarce.multiplierBp;
    reasons.push('scarce');
  } else if (
    stock !== null &&
    clearance !== null &&
    stock >= clearance.atOrAbove &&
    clearance.multiplierBp !== 10_000
  ) {
    stockBp = clearance.multiplierBp;
    reasons.push('clearance');
  }
  if (reasons.length === 0) return fixed;
  const combinedBp = mulDivHalfUp(multiplierBp, stockBp, 10_000);
  const priced = mulDivHalfUp(base, multiplierBp * stockBp, 100_000_000);
  return { points: base > 0 ? Math.max(1, priced) : 0, basePoints: base, multiplierBp: combinedBp, reasons };
}

/**
 * The redemption rate for a member of this tier: a point worth `bp`/10000 of the shop's value, as
 * exact whole numbers (points per unit × 10000, unit value × bp), so redeem.ts and pointsEntry.ts
 * quote it unchanged and never round in the member's favour. The same object when the tier has
 * no entry (the sale path allocates nothing then).
 */
export function redemptionForTier<R extends { redemption: { pointsPerUnit: number; unitValueMinor: number } }>(
  rules: R & { redemption: { valueByTierBp?: Record<string, number> } },
  tierCode: string | null,
): R {
  const bp = tierCode === null ? undefined : rules.redemption.valueByTierBp?.[tierCode];
  if (bp === undefined || bp === 10_000) return rules;
  return {
    ...rules,
    redemption: {
      ...rules.redemption,
      pointsPerUnit: rules.redemption.pointsPerUnit * 10_000,
      unitValueMinor: rules.redemption.unitValueMinor * bp,
    },
  };
}

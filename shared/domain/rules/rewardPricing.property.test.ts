import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spendLimits, checkPointsEntry } from './pointsEntry';
import { quotePointsDiscount } from './redeem';
import { FIXED_PRICING, RewardPricing, redemptionForTier, rewardPrice } from './rewardPricing';
import { DEFAULT_RULE_SET, RuleSet } from './ruleSet';

const pricingArb = fc
  .record({
    drinks: fc.integer({ min: 1, max: 40_000 }),
    scarceAt: fc.integer({ min: 0, max: 20 }),
    scarceBp: fc.integer({ min: 10_000, max: 40_000 }),
    clearanceFrom: fc.integer({ min: 21, max: 500 }),
    clearanceBp: fc.integer({ min: 1, max: 10_000 }),
  })
  .map((p) =>
    RewardPricing.parse({
      categoryMultipliersBp: { Drinks: p.drinks },
      scarce: { atOrBelow: p.scarceAt, multiplierBp: p.scarceBp },
      clearance: { atOrAbove: p.clearanceFrom, multiplierBp: p.clearanceBp },
    }),
  );
const rewardArb = fc.record({
  pointsCost: fc.integer({ min: 0, max: 10_000_000 }),
  category: fc.constantFrom('drinks', ' DRINKS ', 'gift'),
});
const stockArb = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null });

describe('rewardPrice', () => {
  it('fixed prices when the shop set none, or the default', () => {
    fc.assert(
      fc.property(rewardArb, stockArb, (reward, stock) => {
        expect(rewardPrice(reward, undefined, stock).points).toBe(reward.pointsCost);
        expect(rewardPrice(reward, FIXED_PRICING, stock)).toEqual({
          points: reward.pointsCost,
          basePoints: reward.pointsCost,
          multiplierBp: 10_000,
          reasons: [],
        });
      }),
    );
  });

  it('scarce never lowers a price, clearance never raises it, and a paid reward never becomes free', () => {
    fc.assert(
      fc.property(pricingArb, rewardArb, stockArb, (pricing, reward, stock) => {
        const price = rewardPrice(reward, pricing, stock);
        const category = rewardPrice(reward, pricing, null).points;
        if (price.reasons.includes('scarce')) expect(price.points).toBeGreaterThanOrEqual(category);
        if (price.reasons.includes('clearance')) expect(price.points).toBeLessThanOrEqual(category);
        if (reward.pointsCost > 0) expect(price.points).toBeGreaterThanOrEqual(1);
        else expect(price.points).toBe(0);
        expect(Number.isSafeInteger(price.points)).toBe(true);
        // Within half a point of the exact product (rounded half up), floored at one.
        const exact = (reward.pointsCost * price.multiplierBp) / 10_000;
        if (price.reasons.length === 1 && reward.pointsCost > 0)
          expect(Math.abs(price.points - Math.max(1, exact))).toBeLessThanOrEqual(0.5 + 1e-9 + (exact < 1 ? 1 : 0));
        // The bands are read by the stock given: unlimited stock has none.
        if (stock === null) expect(price.reasons).not.toContain('scarce');
      }),
    );
  });

  it('names its reasons: scarce at or below the band, clearance at or above, category by its code', () => {
    const pricing = RewardPricing.parse({
      categoryMultipliersBp: { drinks: 12_000 },
      scarce: { atOrBelow: 5, multiplierBp: 15_000 },
      clearance: { atOrAbove: 100, multiplierBp: 8_000 },
    });
    expect(rewardPrice({ pointsCost: 1_000, category: 'gift' }, pricing, 5)).toMatchObject({
      points: 1_500,
      reasons: ['scarce'],
    });
    expect(rewardPrice({ pointsCost: 1_000, category: 'gift' }, pricing, 6).points).toBe(1_000);
    expect(rewardPrice({ pointsCost: 1_000, category: 'gift' }, pricing, 100)).toMatchObject({
      points: 800,
      reasons: ['clearance'],
    });
    expect(rewardPrice({ pointsCost: 1_000, category: 'Drinks' }, pricing, 3)).toMatchObject({
      points: 1_800,
      reasons: ['category', 'scarce'],
    });
  });

  it('refuses overlapping stock bands and a scarce band that would lower a price', () => {
    expect(
      RewardPricing.safeParse({
        scarce: { atOrBelow: 50, multiplierBp: 15_000 },
        clearance: { atOrAbove: 50, multiplierBp: 8_000 },
      }).success,
    ).toBe(false);
    expect(RewardPricing.safeParse({ scarce: { atOrBelow: 5, multiplierBp: 9_000 } }).success).toBe(false);
    expect(RewardPricing.safeParse({ clearance: { atOrAbove: 5, multiplierBp: 12_000 } }).success).toBe(false);
    expect(RewardPricing.safeParse({ categoryMultipliersBp: { x: 0 } }).success).toBe(false);
  });
});

const tierRulesArb = fc
  .record({
    pointsPerUnit: fc.integer({ min: 1, max: 1_000 }),
    unitValueMinor: fc.integer({ min: 1, max: 1_000 }),
    maxDiscountBp: fc.integer({ min: 0, max: 10_000 }),
    minPoints: fc.integer({ min: 0, max: 500 }),
    gold: fc.integer({ min: 1, max: 50_000 }),
  })
  .map(({ gold, ...redemption }) =>
    RuleSet.parse({ version: 1, base: { kind: 'none' }, redemption: { ...redemption, valueByTierBp: { GOLD: gold } } }),
  );

describe('redemption.valueByTierBp', () => {
  it('the default rule set keeps one value per point', () => {
    expect(DEFAULT_RULE_SET.redemption.valueByTierBp).toBeUndefined();
    expect(redemptionForTier(DEFAULT_RULE_SET, 'GOLD')).toBe(DEFAULT_RULE_SET);
  });

  it('a discount never exceeds the sale cap, nor more money per point than the tier allows', () => {
    fc.assert(
      fc.property(
        tierRulesArb,
        fc.constantFrom('GOLD', 'SILVER', null),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (rules, tier, requested, saleTotal, balance) => {
          const rate = redemptionForTier(rules, tier);
          const q = quotePointsDiscount(rate, { requestedPoints: requested, saleTotalMinor: saleTotal, balance });
          const { pointsPerUnit: ppu, unitValueMinor: uv, maxDiscountBp } = rules.redemption;
          const bp = tier === 'GOLD' ? (rules.redemption.valueByTierBp?.GOLD ?? 10_000) : 10_000;
          // discount / points <= uv × bp / (ppu × 10000), in whole numbers.
          expect(BigInt(q.discountMinor) * BigInt(ppu) * 10_000n).toBeLessThanOrEqual(
            BigInt(q.points) * BigInt(uv) * BigInt(bp),
          );
          expect(q.discountMinor * 10_000).toBeLessThanOrEqual(saleTotal * maxDiscountBp);
          expect(q.points).toBeLessThanOrEqual(Math.min(requested, balance));
          // What the points field accepts, the quote charges (the till and the core agree).
          const limits = spendLimits(rate, saleTotal, balance);
          if (checkPointsEntry(requested, limits).kind === 'ok' && requested > 0) expect(q.points).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('a GOLD point at ×1.5 buys half as much again as a point at ×1', () => {
    const rules = RuleSet.parse({
      version: 1,
      base: { kind: 'none' },
      redemption: { pointsPerUnit: 100, unitValueMinor: 100, valueByTierBp: { GOLD: 15_000 } },
    });
    const input = { requestedPoints: 1_000, saleTotalMinor: 100_000, balance: 5_000 };
    expect(quotePointsDiscount(redemptionForTier(rules, null), input).discountMinor).toBe(1_000);
    expect(quotePointsDiscount(redemptionForTier(rules, 'GOLD'), input).discountMinor).toBe(1_500);
  });
});

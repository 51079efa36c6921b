// Issue 12, defect 10: the explanation read "¥90.00 eligible" on a ¥60.00 sale, because a ×2
// bakery line was counted twice in the eligible amount. The eligible amount counts each line
// once; multipliers weigh the points only.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeEarn, type SaleLineForRules } from './earn';
import { computeEligibility } from './eligible';
import { floorR } from './rational';
import { RuleSet } from './ruleSet';

const redemption = { pointsPerUnit: 100, unitValueMinor: 100 };
const rulesWith = (bakery: number, apple: number) =>
  RuleSet.parse({
    version: 1,
    base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
    categoryMultipliersBp: { bakery },
    skuMultipliersBp: { apple },
    excludedCategories: ['tobacco'],
    redemption,
  });

const line: fc.Arbitrary<SaleLineForRules> = fc.record({
  sku: fc.constantFrom('apple', 'bread', 'cig', 'pen'),
  name: fc.constant('item'),
  category: fc.constantFrom('bakery', 'tobacco', 'general'),
  quantity: fc.integer({ min: 0, max: 20 }),
  unitPriceMinor: fc.integer({ min: 0, max: 500_000 }),
});
const multiplier = fc.integer({ min: 1, max: 50_000 });

describe('the eligible amount', () => {
  it('is at most the amount paid (so at most the subtotal) and counts each line once, whatever the multipliers', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 8 }),
        fc.nat(100_000),
        multiplier,
        multiplier,
        (lines, discount, bakery, apple) => {
          const elig = computeEligibility(rulesWith(bakery, apple), lines, discount);
          const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
          const eligibleMinor = Number(floorR(elig.eligible));
          expect(eligibleMinor).toBeLessThanOrEqual(elig.paidMinor);
          expect(elig.paidMinor).toBeLessThanOrEqual(subtotal);
          // Each earning line once, in proportion to what was paid: the same with every multiplier at ×1.
          const plain = computeEligibility(rulesWith(10_000, 10_000), lines, discount);
          expect(elig.eligible).toEqual(plain.eligible);
          const earning = lines
            .filter((l) => l.category !== 'tobacco')
            .reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
          expect(eligibleMinor).toBe(subtotal === 0 ? 0 : Math.floor((earning * elig.paidMinor) / subtotal));
          // And the lines' eligible parts add up to it.
          const input = { lines, discountMinor: discount, tierCode: null, visitNumber: 1, currency: null };
          const perLine = computeEarn(rulesWith(bakery, apple), input).lines;
          expect(perLine.reduce((s, l) => s + l.eligibleMinor, 0)).toBeLessThanOrEqual(eligibleMinor);
        },
      ),
    );
  });

  it('reads ¥60.00 on a ¥60.00 sale with a ×2 bakery line, which earns 90 points', () => {
    const lines = [
      { sku: 'croissant', name: 'Croissant', category: 'bakery', quantity: 2, unitPriceMinor: 1_500 },
      { sku: 'latte', name: 'Latte', category: 'drink', quantity: 1, unitPriceMinor: 3_000 },
    ];
    const input = { lines, discountMinor: 0, tierCode: null, visitNumber: 1, currency: null };
    const r = computeEarn(rulesWith(20_000, 10_000), input);
    expect(r.eligibleMinor).toBe(6_000);
    expect(r.points).toBe(90);
    expect(r.explanation.find((e) => e.code === 'base')?.params).toMatchObject({
      eligibleMinor: 6_000,
      weightedMinor: 9_000,
      points: '90',
    });
    expect(r.lines.map((l) => [l.eligibleMinor, l.points])).toEqual([
      [3_000, 60],
      [3_000, 30],
    ]);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeEarn, type EarnInput, type SaleLineForRules } from './earn';
import { RuleSet } from './ruleSet';

const redemption = { pointsPerUnit: 100, unitValueMinor: 100 };
const ratio = fc.record({ points: fc.integer({ min: 0, max: 1000 }), perMinor: fc.integer({ min: 1, max: 100_000 }) });
const bp = fc.integer({ min: 0, max: 50_000 });
// A tier multiplier is positive (ruleSet.ts); 0 is for categories and skus (excluded).
const tierBp = fc.integer({ min: 1, max: 50_000 });
const policy = fc.constantFrom('floor' as const, 'half-up' as const, 'ceil' as const);

const perAmountRules = fc
  .record({
    ratio,
    rounding: policy,
    gold: tierBp,
    fresh: bp,
    apple: bp,
    visitPoints: fc.nat(100),
    minSpendMinor: fc.nat(20_000),
  })
  .map((r) =>
    RuleSet.parse({
      version: 1,
      rounding: r.rounding,
      base: { kind: 'perAmount', ratio: r.ratio },
      visit: { kind: 'perVisit', points: r.visitPoints, minSpendMinor: r.minSpendMinor },
      tierMultipliersBp: { GOLD: r.gold },
      categoryMultipliersBp: { fresh: r.fresh },
      skuMultipliersBp: { APPLE: r.apple },
      excludedCategories: ['tobacco'],
      redemption,
    }),
  );

const saleLine: fc.Arbitrary<SaleLineForRules> = fc.record({
  sku: fc.constantFrom('APPLE', 'PEAR', 'CIG', 'PEN'),
  name: fc.constant('item'),
  category: fc.constantFrom('fresh', 'tobacco', 'gen'),
  quantity: fc.integer({ min: 0, max: 20 }),
  unitPriceMinor: fc.integer({ min: 0, max: 500_000 }),
});

const saleInput: fc.Arbitrary<EarnInput> = fc.record({
  lines: fc.array(saleLine, { maxLength: 8 }),
  discountMinor: fc.nat(50_000),
  tierCode: fc.constantFrom(null, 'GOLD', 'NONE'),
  visitNumber: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
  currency: fc.constant(null),
});

describe('computeEarn properties', () => {
  it('points are never negative, and per-line points never sum above the total', () => {
    fc.assert(
      fc.property(perAmountRules, saleInput, (rules, input) => {
        const r = computeEarn(rules, input);
        expect(r.points).toBeGreaterThanOrEqual(0);
        expect(r.lines.every((l) => l.points >= 0 && l.eligibleMinor >= 0)).toBe(true);
        expect(r.lines.reduce((s, l) => s + l.points, 0)).toBeLessThanOrEqual(r.points);
      }),
    );
  });

  it('rounding never creates points: floor <= exact, any policy <= ceil(exact)', () => {
    fc.assert(
      fc.property(perAmountRules, saleInput, (rules, input) => {
        const r = computeEarn(rules, input);
        const p = BigInt(r.points);
        const { exactNumerator: n, exactDenominator: d } = r;
        expect(d > 0n).toBe(true);
        expect(p * d < n + d).toBe(true); // p < exact + 1, i.e. p <= ceil(exact)
        if (rules.rounding === 'floor') expect(p * d <= n).toBe(true);
        expect(p * d > n - d).toBe(true); // and no policy loses a whole point
      }),
    );
  });

  it('per amount: a larger amount never earns fewer points', () => {
    fc.assert(
      fc.property(perAmountRules, saleInput, saleLine, (rules, input, extra) => {
        const before = computeEarn(rules, { ...input, discountMinor: 0 });
        const after = computeEarn(rules, { ...input, discountMinor: 0, lines: [...input.lines, extra] });
        expect(after.points).toBeGreaterThanOrEqual(before.points);
      }),
    );
  });

  it('paying more with points never earns more', () => {
    fc.assert(
      fc.property(perAmountRules, saleInput, fc.nat(50_000), (rules, input, more) => {
        const a = computeEarn(rules, input);
        const b = computeEarn(rules, { ...input, discountMinor: input.discountMinor + more });
        expect(b.points).toBeLessThanOrEqual(a.points);
      }),
    );
  });

  it('the order the lines were keyed in does not matter', () => {
    fc.assert(
      fc.property(perAmountRules, saleInput, (rules, input) => {
        const reversed = computeEarn(rules, { ...input, lines: [...input.lines].reverse() });
        expect(reversed.points).toBe(computeEarn(rules, input).points);
      }),
    );
  });

  // A ladder is a step function by design: crossing a band edge may jump up. With ascending
  // ratios (the normal set-up) it is still monotonic; within one band it always is.
  it('ladder by amount: monotonic when band ratios ascend', () => {
    const ladder = fc
      .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 0, maxLength: 4 })
      .chain((edges) =>
        fc
          .array(fc.integer({ min: 1, max: 10 }), { minLength: edges.length + 1, maxLength: edges.length + 1 })
          .map((steps) => {
            const froms = [0, ...edges.sort((a, b) => a - b)];
            let pts = 0;
            return froms.map((fromMinor, i) => ({
              fromMinor,
              ratio: { points: (pts += steps[i] ?? 1), perMinor: 100 },
            }));
          }),
      )
      .map((bands) => RuleSet.parse({ version: 1, base: { kind: 'ladderAmount', bands }, redemption }));
    fc.assert(
      fc.property(ladder, fc.nat(2_000_000), fc.nat(2_000_000), (rules, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const earn = (minor: number) =>
          computeEarn(rules, {
            lines: [{ sku: 'X', name: 'x', category: 'GEN', quantity: 1, unitPriceMinor: minor }],
            discountMinor: 0,
            tierCode: null,
            visitNumber: 1,
            currency: null,
          }).points;
        expect(earn(hi)).toBeGreaterThanOrEqual(earn(lo));
      }),
    );
  });

  it('anonymous sales always earn 0', () => {
    fc.assert(
      fc.property(perAmountRules, saleInput, (rules, input) => {
        expect(computeEarn(rules, { ...input, visitNumber: null }).points).toBe(0);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPointsEntry, parsePointsText, spendLimits } from './pointsEntry';
import { quotePointsDiscount } from './redeem';
import { RuleSet } from './ruleSet';

const demoRules = RuleSet.parse({
  version: 1,
  base: { kind: 'none' },
  redemption: { pointsPerUnit: 100, unitValueMinor: 100, maxDiscountBp: 5_000, minPoints: 100 },
});

describe('the points a cashier may spend on one sale', () => {
  // A ¥100.00 sale for a member with 250 points, in the demo shop: 1 pt = 1 fen, min 100, up to half the sale.
  const limits = spendLimits(demoRules, 10_000, 250);

  it('names one reason for each kind of wrong figure', () => {
    expect(limits).toEqual({ minPoints: 100, balance: 250, saleMaxPoints: 5_000 });
    expect(checkPointsEntry(parsePointsText(''), limits)).toEqual({ kind: 'ok', points: 0 });
    expect(checkPointsEntry(parsePointsText('99'), limits)).toEqual({ kind: 'belowMinimum', minPoints: 100 });
    expect(checkPointsEntry(parsePointsText('251'), limits)).toEqual({ kind: 'aboveBalance', balance: 250 });
    expect(checkPointsEntry(parsePointsText('-5'), limits)).toEqual({ kind: 'notWhole' });
    expect(checkPointsEntry(parsePointsText('1.5'), limits)).toEqual({ kind: 'notWhole' });
    expect(checkPointsEntry(parsePointsText(' 200 '), limits)).toEqual({ kind: 'ok', points: 200 });
    const smallSale = spendLimits(demoRules, 300, 10_000); // ¥3.00: at most ¥1.50 off, 150 pt
    expect(checkPointsEntry(151, smallSale)).toEqual({ kind: 'aboveSaleCap', maxPoints: 150 });
    expect(checkPointsEntry(150, smallSale)).toEqual({ kind: 'ok', points: 150 });
  });

  it('never lets fewer points through than buy one minor unit', () => {
    const redemption = { pointsPerUnit: 500, unitValueMinor: 100 };
    const coarse = RuleSet.parse({ version: 1, base: { kind: 'none' }, redemption });
    expect(spendLimits(coarse, 10_000, 10_000).minPoints).toBe(5);
    expect(checkPointsEntry(4, spendLimits(coarse, 10_000, 10_000)).kind).toBe('belowMinimum');
  });

  it('never passes a figure whose charge falls below the minimum (2 pt buy 1 fen, minimum 19: 19 buys 18)', () => {
    const redemption = { pointsPerUnit: 2, unitValueMinor: 1, maxDiscountBp: 10_000, minPoints: 19 };
    const limits = spendLimits(RuleSet.parse({ version: 1, base: { kind: 'none' }, redemption }), 100_000, 1_000);
    expect(limits.minPoints).toBe(20);
    expect(checkPointsEntry(19, limits)).toEqual({ kind: 'belowMinimum', minPoints: 20 });
    expect(checkPointsEntry(20, limits)).toEqual({ kind: 'ok', points: 20 });
  });

  const rulesArb = fc
    .record({
      pointsPerUnit: fc.integer({ min: 1, max: 1_000 }),
      unitValueMinor: fc.integer({ min: 1, max: 1_000 }),
      maxDiscountBp: fc.integer({ min: 0, max: 10_000 }),
      minPoints: fc.integer({ min: 0, max: 1_000 }),
    })
    .filter((r) => r.pointsPerUnit % r.unitValueMinor === 0 || r.unitValueMinor % r.pointsPerUnit === 0)
    .map((redemption) => RuleSet.parse({ version: 1, base: { kind: 'none' }, redemption }));

  it('a figure the rule accepts is charged (never more than asked), and the use-max figure always passes', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (rules, total, balance, requested) => {
          const entry = checkPointsEntry(requested, spendLimits(rules, total, balance));
          const quote = quotePointsDiscount(rules, { requestedPoints: requested, saleTotalMinor: total, balance });
          if (entry.kind === 'ok' && requested > 0) {
            expect(quote.points).toBeGreaterThan(0);
            expect(quote.points).toBeLessThanOrEqual(requested);
            expect(quote.points).toBeGreaterThanOrEqual(rules.redemption.minPoints);
          }
          if (entry.kind === 'belowMinimum') {
            expect(quote.points === 0 || requested < rules.redemption.minPoints || quote.points < requested).toBe(true);
          }
          // The "use max" figure always passes the rule.
          if (quote.maxPoints > 0) {
            expect(checkPointsEntry(quote.maxPoints, spendLimits(rules, total, balance)).kind).toBe('ok');
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

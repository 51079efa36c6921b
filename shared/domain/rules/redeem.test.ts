import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { quotePointsDiscount, rewardCost } from './redeem';
import { DEFAULT_RULE_SET, RuleSet } from './ruleSet';

const withRedemption = (redemption: {
  pointsPerUnit: number;
  unitValueMinor: number;
  maxDiscountBp?: number;
  minPoints?: number;
}): RuleSet => RuleSet.parse({ version: 1, base: { kind: 'none' }, redemption });

describe('quotePointsDiscount', () => {
  it('100 points = ¥1 by default', () => {
    expect(
      quotePointsDiscount(DEFAULT_RULE_SET, { requestedPoints: 550, saleTotalMinor: 10000, balance: 1000 }),
    ).toEqual({
      points: 550,
      discountMinor: 550,
      maxPoints: 1000,
      maxDiscountMinor: 1000,
    });
  });

  it('charges only the points the discount needs', () => {
    // 3 points = 2 fen; asking 5 buys floor(10/3) = 3 fen, which needs ceil(4.5) = 5 points.
    const rules = withRedemption({ pointsPerUnit: 3, unitValueMinor: 2 });
    expect(quotePointsDiscount(rules, { requestedPoints: 5, saleTotalMinor: 10000, balance: 100 })).toMatchObject({
      points: 5,
      discountMinor: 3,
    });
    // Capped by the sale: 100 points would buy ¥1.00 but the sale is ¥0.30.
    expect(
      quotePointsDiscount(DEFAULT_RULE_SET, { requestedPoints: 100, saleTotalMinor: 30, balance: 1000 }),
    ).toMatchObject({ points: 30, discountMinor: 30 });
  });

  it('applies the max discount share and the minimum points', () => {
    const rules = withRedemption({ pointsPerUnit: 100, unitValueMinor: 100, maxDiscountBp: 5000, minPoints: 200 });
    expect(quotePointsDiscount(rules, { requestedPoints: 10_000, saleTotalMinor: 1000, balance: 10_000 })).toEqual({
      points: 500,
      discountMinor: 500,
      maxPoints: 500,
      maxDiscountMinor: 500,
    });
    expect(quotePointsDiscount(rules, { requestedPoints: 199, saleTotalMinor: 1000, balance: 10_000 })).toMatchObject({
      points: 0,
      discountMinor: 0,
    });
    expect(quotePointsDiscount(rules, { requestedPoints: 300, saleTotalMinor: 300, balance: 10_000 })).toEqual({
      points: 0,
      discountMinor: 0,
      maxPoints: 0,
      maxDiscountMinor: 0,
    });
  });

  it('quotes nothing for 0, negative or NaN input', () => {
    for (const requestedPoints of [0, -5, Number.NaN]) {
      expect(
        quotePointsDiscount(DEFAULT_RULE_SET, { requestedPoints, saleTotalMinor: 1000, balance: 1000 }),
      ).toMatchObject({ points: 0, discountMinor: 0 });
    }
  });

  it('property: never exceeds the balance, the sale, the cap or the request; never negative', () => {
    const rules = fc
      .record({
        pointsPerUnit: fc.integer({ min: 1, max: 1000 }),
        unitValueMinor: fc.integer({ min: 1, max: 1000 }),
        maxDiscountBp: fc.integer({ min: 0, max: 10000 }),
        minPoints: fc.nat(500),
      })
      .map(withRedemption);
    fc.assert(
      fc.property(
        rules,
        fc.nat(1_000_000),
        fc.nat(100_000_000),
        fc.nat(1_000_000),
        (r, requestedPoints, saleTotalMinor, balance) => {
          const q = quotePointsDiscount(r, { requestedPoints, saleTotalMinor, balance });
          const { pointsPerUnit: ppu, unitValueMinor: uv, maxDiscountBp, minPoints } = r.redemption;
          expect(q.points).toBeGreaterThanOrEqual(0);
          expect(q.discountMinor).toBeGreaterThanOrEqual(0);
          expect(q.points).toBeLessThanOrEqual(Math.min(balance, requestedPoints));
          expect(q.discountMinor).toBeLessThanOrEqual(Math.floor((saleTotalMinor * maxDiscountBp) / 10000));
          expect(q.discountMinor).toBeLessThanOrEqual(q.maxDiscountMinor);
          expect(q.maxPoints).toBeLessThanOrEqual(balance);
          expect(q.points === 0 || q.points >= minPoints).toBe(true);
          expect(q.discountMinor === 0 || q.points > 0).toBe(true);
          // The points charged are worth at least the discount given.
          expect(BigInt(q.points) * BigInt(uv) >= BigInt(q.discountMinor) * BigInt(ppu)).toBe(true);
        },
      ),
    );
  });
});

describe('rewardCost', () => {
  it('multiplies and guards overflow', () => {
    expect(rewardCost(500, 3)).toBe(1500);
    expect(rewardCost(500, 0)).toBe(0);
    expect(() => rewardCost(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => rewardCost(-1, 2)).toThrow(RangeError);
    expect(() => rewardCost(10, 1.5)).toThrow(RangeError);
  });
});

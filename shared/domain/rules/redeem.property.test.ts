import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { quotePointsDiscount, quotePointsDiscountExact, quotePointsDiscountFast } from './redeem';
import { RuleSet } from './ruleSet';

// The number fast path must give exactly the BigInt quote whenever it answers, and must step
// aside (null) rather than answer wrongly once a product could pass 2^53.

/** Whole numbers from tiny to past 2^53, weighted towards the edges where rounding bites. */
const wide = fc.oneof(
  fc.integer({ min: 0, max: 1_000 }),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(0, 1, 2 ** 26, 2 ** 32, 2 ** 52, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER),
);
const positive = fc.oneof(
  fc.integer({ min: 1, max: 1_000 }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(1, 3, 7, 100, 2 ** 31 - 1),
);
const odd = fc.constantFrom(
  -1,
  -0.5,
  0.5,
  1.5,
  99.99,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e300,
);

const rulesArb = fc
  .record({
    pointsPerUnit: positive,
    unitValueMinor: positive,
    maxDiscountBp: fc.integer({ min: 0, max: 10_000 }),
    minPoints: fc.oneof(fc.constant(0), wide),
  })
  .map((redemption) => RuleSet.parse({ version: 1, base: { kind: 'none' }, redemption }));
const inputArb = fc.record({
  requestedPoints: fc.oneof(wide, odd),
  saleTotalMinor: fc.oneof(wide, odd),
  balance: fc.oneof(wide, odd),
});

describe('quotePointsDiscount number fast path', () => {
  it('equals the BigInt quote whenever it answers, over the whole safe range', () => {
    fc.assert(
      fc.property(rulesArb, inputArb, (rules, input) => {
        const exact = quotePointsDiscountExact(rules, input);
        const fast = quotePointsDiscountFast(rules, input);
        if (fast !== null) expect(fast).toEqual(exact);
        expect(quotePointsDiscount(rules, input)).toEqual(exact);
      }),
      { numRuns: 3_000 },
    );
  });

  it('equals the BigInt quote for till-sized values (where it always answers)', () => {
    const small = fc.integer({ min: 0, max: 100_000_000 });
    const rules = fc
      .record({
        pointsPerUnit: fc.integer({ min: 1, max: 10_000 }),
        unitValueMinor: fc.integer({ min: 1, max: 10_000 }),
        maxDiscountBp: fc.integer({ min: 0, max: 10_000 }),
        minPoints: fc.integer({ min: 0, max: 5_000 }),
      })
      .map((redemption) => RuleSet.parse({ version: 1, base: { kind: 'none' }, redemption }));
    fc.assert(
      fc.property(rules, fc.record({ requestedPoints: small, saleTotalMinor: small, balance: small }), (r, input) => {
        const fast = quotePointsDiscountFast(r, input);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(quotePointsDiscountExact(r, input));
      }),
      { numRuns: 3_000 },
    );
  });

  it('steps aside past 2^53 instead of rounding', () => {
    const rules = RuleSet.parse({
      version: 1,
      base: { kind: 'none' },
      redemption: { pointsPerUnit: 3, unitValueMinor: 2 ** 30 },
    });
    const input = { requestedPoints: 2 ** 40, saleTotalMinor: 1_000_000, balance: 2 ** 40 };
    expect(quotePointsDiscountFast(rules, input)).toBeNull();
    expect(quotePointsDiscount(rules, input)).toEqual(quotePointsDiscountExact(rules, input));
  });
});

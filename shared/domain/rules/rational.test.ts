import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { add, mul, rat, reduce, toDecimal, toShortDecimal } from './rational';

// reduce() takes a plain-number gcd while both values are safe integers and a BigInt one past
// 2^53; either way the result must be the same fully reduced fraction.

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

const edges = [0n, 1n, 2n, 2n ** 52n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 64n];
const num = fc.oneof(
  fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
  fc.bigInt({ min: 0n, max: 10_000_000n }),
  fc.constantFrom(...edges),
);
const den = fc.oneof(
  fc.bigInt({ min: 1n, max: 2n ** 60n }),
  fc.bigInt({ min: 1n, max: 10_000n }),
  fc.constantFrom(...edges.filter((e) => e > 0n)),
);

describe('rational reduce', () => {
  it('gives the same fully reduced fraction on both sides of 2^53', () => {
    fc.assert(
      fc.property(num, den, fc.bigInt({ min: 1n, max: 2n ** 40n }), (n, d, k) => {
        const g = bigGcd(n * k, d * k);
        const r = reduce(rat(n * k, d * k));
        expect(r.num * (d * k)).toBe(n * k * r.den);
        if (g > 1n) expect(r).toEqual({ num: (n * k) / g, den: (d * k) / g });
        expect(bigGcd(r.num, r.den)).toBe(r.num === 0n ? r.den : 1n);
      }),
      { numRuns: 2_000 },
    );
  });

  it('adds and multiplies exactly', () => {
    fc.assert(
      fc.property(num, den, num, den, (a, b, c, d) => {
        const sum = add(rat(a, b), rat(c, d));
        expect(sum.num * b * d).toBe((a * d + c * b) * sum.den);
        const product = mul(rat(a, b), rat(c, d));
        expect(product.num * b * d).toBe(a * c * product.den);
      }),
      { numRuns: 1_000 },
    );
  });

  it('writes decimals with the cached and the computed scales alike', () => {
    expect(toDecimal(rat(1285n, 10n), 2)).toBe('128.50');
    expect(toDecimal(rat(1n, 3n), 4)).toBe('0.3333');
    expect(toDecimal(rat(1n, 3n), 6)).toBe('0.333333');
    expect(toDecimal(rat(7n, 2n), 0)).toBe('3');
  });

  it('writes the same decimal on the plain-number path as in exact BigInt arithmetic', () => {
    // Values either side of 2^53 (scaled), so both paths and the boundary between them run.
    // Also just under the plain-number limit once scaled, where a float quotient is least exact.
    const nearLimit = fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.bigInt({ min: 0n, max: 5_000n }))
      .map(([d, off]) => 2n ** 53n / 10n ** BigInt(d) - off);
    const big = fc.oneof(
      fc.bigInt({ min: 0n, max: 10_000_000n }),
      fc.bigInt({ min: 0n, max: 2n ** 60n }),
      fc.constantFrom(...edges.filter((e) => e >= 0n)),
      nearLimit,
    );
    const den = fc.oneof(
      fc.bigInt({ min: 1n, max: 10_000n }),
      fc.bigInt({ min: 1n, max: 2n ** 60n }),
      fc.constantFrom(1n, 3n, 7n, 2n ** 53n - 1n, 2n ** 53n),
    );
    fc.assert(
      fc.property(big, den, fc.integer({ min: 0, max: 6 }), (n, d, digits) => {
        const scaled = ((n * 10n ** BigInt(digits)) / d).toString().padStart(digits + 1, '0');
        const expected = digits === 0 ? scaled : `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}`;
        expect(toDecimal(rat(n, d), digits)).toBe(expected);
        const short = expected.includes('.') ? expected.replace(/0+$/, '').replace(/\.$/, '') : expected;
        expect(toShortDecimal(rat(n, d), digits)).toBe(short);
      }),
      { numRuns: 20_000 },
    );
    expect(() => toDecimal(rat(-1n, 2n), 2)).toThrow(RangeError);
    expect(() => toShortDecimal(rat(-1n, 2n))).toThrow(RangeError);
  });
});

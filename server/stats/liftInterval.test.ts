import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_LIFT_GROUP, summarise, summaryOfSums, tQuantile975, welchLift, welchLiftOf } from './liftInterval';

// Student's t 0.975 quantiles from a printed table, to six places.
const T_TABLE: [number, number][] = [
  [5, 2.570582],
  [9, 2.262157],
  [10, 2.228139],
  [18, 2.100922],
  [30, 2.042272],
  [120, 1.97993],
];

describe('tQuantile975', () => {
  it.each(T_TABLE)('df %d is within 1e-3 of the table', (df, t) => {
    expect(Math.abs(tQuantile975(df) - t)).toBeLessThan(1e-3);
  });
  it('tends to the normal quantile', () => {
    expect(tQuantile975(1e9)).toBeCloseTo(1.959964, 6);
  });
});

describe('welchLift on a hand-computed set', () => {
  // Holdout: five members spent 0, five spent 10 → mean 5, variance 10·25/9 = 250/9.
  // Treated: each 5 more → mean 10, the same variance. Equal n and variance: df = 2(n − 1) = 18.
  // SE = √(2 · (250/9) / 10) = √(50/9) = 2.357023; half width = t(18) · SE = 2.100922 · 2.357023 = 4.951920.
  const holdout = [0, 0, 0, 0, 0, 10, 10, 10, 10, 10];
  const treated = holdout.map((x) => x + 5);

  it('has exact sizes, means and interval (to 1e-3)', () => {
    const lift = welchLift(treated, holdout);
    expect(lift.treated).toMatchObject({ n: 10, mean: 10 });
    expect(lift.holdout).toMatchObject({ n: 10, mean: 5 });
    expect(lift.holdout.variance).toBeCloseTo(250 / 9, 9);
    if (!lift.interval.computable) throw new Error('expected an interval');
    expect(lift.interval.difference).toBe(5);
    expect(lift.interval.df).toBeCloseTo(18, 9);
    expect(lift.interval.low).toBeCloseTo(5 - 4.95192, 3);
    expect(lift.interval.high).toBeCloseTo(5 + 4.95192, 3);
  });

  it('agrees with a two-pass computation written here', () => {
    const twoPass = (xs: number[]) => {
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      return { mean, v: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1) };
    };
    const t = twoPass([3, 7, 7, 19, 4, 4, 12, 0, 9, 15, 2]);
    const h = twoPass([1, 2, 8, 3, 0, 5, 5, 6, 2, 4]);
    const a = t.v / 11;
    const b = h.v / 10;
    const df = (a + b) ** 2 / (a ** 2 / 10 + b ** 2 / 9);
    const lift = welchLift([3, 7, 7, 19, 4, 4, 12, 0, 9, 15, 2], [1, 2, 8, 3, 0, 5, 5, 6, 2, 4]);
    if (!lift.interval.computable) throw new Error('expected an interval');
    expect(lift.interval.df).toBeCloseTo(df, 9);
    const half = (lift.interval.high - lift.interval.low) / 2;
    expect(half / Math.sqrt(a + b)).toBeCloseTo(tQuantile975(df), 9);
    expect(lift.interval.difference).toBeCloseTo(t.mean - h.mean, 9);
  });

  it('refuses a group below the minimum and a set with no spread', () => {
    const small = welchLift(treated, holdout.slice(0, MIN_LIFT_GROUP - 1));
    expect(small.interval).toMatchObject({ computable: false, reason: 'groupTooSmall' });
    expect(small.holdout.n).toBe(MIN_LIFT_GROUP - 1);
    expect(welchLift(treated, []).interval).toEqual({ computable: false, difference: null, reason: 'groupTooSmall' });
    const flat = welchLift(Array(10).fill(3), Array(10).fill(1));
    expect(flat.interval).toEqual({ computable: false, difference: 2, reason: 'noVariance' });
  });
});

const group = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: MIN_LIFT_GROUP, maxLength: 60 });

describe('welchLift properties', () => {
  it('the interval holds the difference, symmetric about it', () => {
    fc.assert(
      fc.property(group, group, (t, h) => {
        const { interval } = welchLift(t, h);
        if (!interval.computable) return interval.reason === 'noVariance';
        const mid = (interval.low + interval.high) / 2;
        return (
          interval.low <= interval.difference &&
          interval.difference <= interval.high &&
          Math.abs(mid - interval.difference) <= 1e-6 * (1 + Math.abs(interval.difference))
        );
      }),
    );
  });

  it('swapping the groups negates it; shifting every value moves only the difference', () => {
    fc.assert(
      fc.property(group, group, fc.integer({ min: -1000, max: 1000 }), (t, h, c) => {
        const one = welchLift(t, h).interval;
        const swapped = welchLift(h, t).interval;
        const shifted = welchLift(
          t.map((x) => x + c),
          h,
        ).interval;
        if (!one.computable || !swapped.computable || !shifted.computable) return true;
        const tol = 1e-6 * (1 + Math.abs(one.high) + Math.abs(one.low));
        return (
          Math.abs(swapped.low + one.high) <= tol &&
          Math.abs(shifted.difference - one.difference - c) <= tol &&
          Math.abs(shifted.high - shifted.low - (one.high - one.low)) <= tol
        );
      }),
    );
  });

  it('summarise equals the two-pass mean and variance', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 2, maxLength: 50 }), (xs) => {
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
        const s = summarise(xs);
        return Math.abs(s.mean - mean) <= 1e-6 && Math.abs(s.variance - v) <= 1e-6 * (1 + v);
      }),
    );
  });

  it('summarises from count, sum and sum of squares as from the values (integers of any size a sale has)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000_000 }), { maxLength: 60 }), (xs) => {
        const sum = xs.reduce((t, x) => t + BigInt(x), 0n);
        const squares = xs.reduce((t, x) => t + BigInt(x) * BigInt(x), 0n);
        const bySums = summaryOfSums(xs.length, sum, squares);
        const byValues = summarise(xs);
        expect(bySums.n).toBe(byValues.n);
        expect(Math.abs(bySums.mean - byValues.mean)).toBeLessThanOrEqual(1e-9 * (1 + byValues.mean));
        expect(Math.abs(bySums.variance - byValues.variance)).toBeLessThanOrEqual(1e-9 * (1 + byValues.variance));
        if (byValues.variance === 0) expect(bySums.variance).toBe(0);
        expect(welchLiftOf(bySums, bySums).interval.computable).toBe(welchLift(xs, xs).interval.computable);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tierFor, tierFraction, tierProgress, type TierDef } from './tier';

const BRONZE: TierDef = { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 };
const SILVER: TierDef = { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 1000 };
const GOLD: TierDef = { code: 'GOLD', name: 'Gold', rank: 3, qualifyPoints: 5000 };
const TIERS = [GOLD, BRONZE, SILVER]; // deliberately unsorted

describe('tiers', () => {
  it('picks the highest tier reached by points earned', () => {
    expect(tierFor(TIERS, 0)).toBe(BRONZE);
    expect(tierFor(TIERS, 999)).toBe(BRONZE);
    expect(tierFor(TIERS, 1000)).toBe(SILVER);
    expect(tierFor(TIERS, 10_000)).toBe(GOLD);
    expect(tierFor([SILVER, GOLD], 10)).toBeNull();
    expect(tierFor([], 10)).toBeNull();
  });

  it('never goes below the entry tier for a negative total', () => {
    expect(tierFor(TIERS, -50)).toBe(BRONZE);
  });

  it('reports progress to the next tier', () => {
    expect(tierProgress(TIERS, 3000)).toEqual({ current: SILVER, next: GOLD, pointsToNext: 2000, fraction: 0.5 });
    expect(tierProgress(TIERS, 0)).toEqual({ current: BRONZE, next: SILVER, pointsToNext: 1000, fraction: 0 });
    expect(tierProgress(TIERS, 9000)).toEqual({ current: GOLD, next: null, pointsToNext: null, fraction: 1 });
    expect(tierProgress([SILVER], 250)).toEqual({ current: null, next: SILVER, pointsToNext: 750, fraction: 0.25 });
  });

  it('measures progress from a held tier above what the points qualify for', () => {
    expect(tierProgress(TIERS, 500, SILVER)).toEqual({ current: SILVER, next: GOLD, pointsToNext: 4500, fraction: 0 });
    expect(tierProgress(TIERS, 500, null)).toEqual({ current: null, next: BRONZE, pointsToNext: 0, fraction: 1 });
  });

  it('gives the fraction between two thresholds, 1 at the top', () => {
    expect(tierFraction(3000, 1000, 5000)).toBe(0.5);
    expect(tierFraction(-10, 0, 1000)).toBe(0);
    expect(tierFraction(7000, 1000, 5000)).toBe(1);
    expect(tierFraction(10, 1000, null)).toBe(1);
  });

  it('property: more points earned never lowers the tier; fraction stays in 0..1', () => {
    fc.assert(
      fc.property(fc.nat(20_000), fc.nat(20_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(tierFor(TIERS, hi)?.rank ?? 0).toBeGreaterThanOrEqual(tierFor(TIERS, lo)?.rank ?? 0);
        const p = tierProgress(TIERS, a);
        expect(p.fraction).toBeGreaterThanOrEqual(0);
        expect(p.fraction).toBeLessThanOrEqual(1);
        if (p.next) expect(p.next.qualifyPoints).toBeGreaterThan(a);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tierFor } from '../domain/tier';
import { RewardSpec, TierLadder } from './catalogue';

const tier = fc.record({
  code: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
  name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
  rank: fc.integer({ min: 0, max: 1_000 }),
  qualifyPoints: fc.integer({ min: 0, max: 1_000_000_000 }),
});

describe('TierLadder', () => {
  it('accepts exactly the ladders on which every member has one tier and each threshold reaches its own tier', () => {
    fc.assert(
      fc.property(fc.array(tier, { maxLength: 6 }), fc.nat(2_000_000_000), (tiers, earned) => {
        const parsed = TierLadder.safeParse(tiers);
        const byRank = [...tiers].sort((a, b) => a.rank - b.rank);
        const sensible =
          tiers.length > 0 &&
          new Set(tiers.map((t) => t.code.toUpperCase())).size === tiers.length &&
          byRank[0]?.qualifyPoints === 0 &&
          byRank.every(
            (t, i) =>
              i === 0 || (t.rank > (byRank[i - 1]?.rank ?? 0) && t.qualifyPoints > (byRank[i - 1]?.qualifyPoints ?? 0)),
          );
        expect(parsed.success).toBe(sensible);
        if (parsed.success) {
          // Nobody is left without a tier, and each tier is reached at its threshold.
          expect(tierFor(parsed.data, earned)).not.toBeNull();
          for (const t of parsed.data) expect(tierFor(parsed.data, t.qualifyPoints)?.code).toBe(t.code);
        }
      }),
    );
  });

  it('refuses the empty ladder', () => {
    expect(TierLadder.safeParse([]).success).toBe(false);
  });
});

describe('RewardSpec', () => {
  const reward = fc.record({
    code: fc.string({ maxLength: 22 }),
    name: fc.string({ maxLength: 82 }),
    category: fc.string({ maxLength: 42 }),
    pointsCost: fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), fc.double({ min: 0, max: 10, noNaN: true })),
    cashValueMinor: fc.nat(1_000_000),
    stock: fc.oneof(
      fc.constant(null),
      fc.integer({ min: -5, max: 1_000 }),
      fc.double({ min: 0, max: 10, noNaN: true }),
    ),
    active: fc.boolean(),
  });

  it('accepts a reward only with code, name and category, a cost of at least 1 point, a whole stock or null', () => {
    fc.assert(
      fc.property(reward, (r) => {
        const ok = RewardSpec.safeParse(r);
        const filled = (s: string, max: number) => s.trim().length >= 1 && s.trim().length <= max;
        const stockOk = r.stock === null || (Number.isInteger(r.stock) && r.stock >= 0);
        const expected =
          filled(r.code, 20) &&
          filled(r.name, 80) &&
          filled(r.category, 40) &&
          Number.isInteger(r.pointsCost) &&
          r.pointsCost >= 1 &&
          stockOk;
        expect(ok.success).toBe(expected);
        if (ok.success) {
          expect(ok.data.code).toBe(r.code.trim());
          expect(ok.data.category).toBe(r.category.trim().toLowerCase());
          expect(ok.data.pointsCost).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it('refuses the reward that was redeemed for nothing', () => {
    const free = { code: '', name: '', category: 'merch', pointsCost: 0, cashValueMinor: 0, stock: null, active: true };
    expect(RewardSpec.safeParse(free).success).toBe(false);
    expect(RewardSpec.safeParse({ ...free, code: 'MUG', name: 'Mug', pointsCost: 1 }).success).toBe(true);
  });
});

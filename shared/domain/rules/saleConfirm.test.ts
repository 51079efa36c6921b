import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLargeSaleLimitMinor, saleVerdict } from './saleConfirm';

describe('what sale may be confirmed', () => {
  it('defaults to 10,000 in the shop currency', () => {
    expect(defaultLargeSaleLimitMinor('CNY')).toBe(1_000_000);
    expect(defaultLargeSaleLimitMinor('JPY')).toBe(10_000);
  });

  it('refuses a sale of nothing, but not one paid entirely with points', () => {
    expect(saleVerdict({ subtotalMinor: 0, totalMinor: 0 }, 1_000_000)).toEqual({ kind: 'empty' });
    expect(saleVerdict({ subtotalMinor: 500, totalMinor: 0 }, 1_000_000)).toEqual({ kind: 'ok' });
  });

  it('asks for a confirmation above the limit, and only a confirmation of that very total passes', () => {
    expect(saleVerdict({ subtotalMinor: 1_000_000, totalMinor: 1_000_000 }, 1_000_000)).toEqual({ kind: 'ok' });
    const large = { subtotalMinor: 100_000_000, totalMinor: 100_000_000 };
    expect(saleVerdict(large, 1_000_000)).toEqual({
      kind: 'needsLargeSaleConfirmation',
      totalMinor: 100_000_000,
      limitMinor: 1_000_000,
    });
    expect(saleVerdict(large, 1_000_000, 100_000_000)).toEqual({ kind: 'ok' });
    expect(saleVerdict(large, 1_000_000, 10_000_000).kind).toBe('needsLargeSaleConfirmation');
  });

  it('for any sale, limit and confirmation: ok exactly when non-empty and within the limit or confirmed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.option(fc.integer({ min: 0, max: 100_000_000 })),
        (subtotal, discount, limit, confirmed) => {
          const total = Math.max(0, subtotal - discount);
          const verdict = saleVerdict({ subtotalMinor: subtotal, totalMinor: total }, limit, confirmed);
          const expected = subtotal > 0 && (total <= limit || confirmed === total);
          expect(verdict.kind === 'ok').toBe(expected);
        },
      ),
    );
  });
});

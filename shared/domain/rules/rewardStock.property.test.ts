import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countRedemption,
  shopStockLeft,
  shopStockOversold,
  stockAtTill,
  stockForTill,
  takeFromStock,
  type ShopStock,
} from './rewardStock';

const stockArb = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null });
const quantityArb = fc.integer({ min: 1, max: 99 });
const quantitiesArb = fc.array(quantityArb, { maxLength: 40 });

/** A till redeeming one after another from what it pulled: what it gave, and what it refused. */
function runTill(pulled: number | null, quantities: number[]): { given: number; refused: number } {
  let stock = pulled;
  let given = 0;
  let refused = 0;
  for (const q of quantities) {
    const take = takeFromStock(stock, q);
    if (take.ok) {
      stock = take.stockAfter;
      given += q;
    } else {
      refused += 1;
      expect(take.left).toBe(stock ?? 0);
    }
  }
  return { given, refused };
}

describe('a shop reward stock', () => {
  it('a till never gives more than the stock it pulled, and refuses only what would go past it', () => {
    fc.assert(
      fc.property(stockArb, quantitiesArb, (pulled, quantities) => {
        const { given, refused } = runTill(pulled, quantities);
        if (pulled === null) {
          expect(refused).toBe(0);
          return;
        }
        expect(given).toBeLessThanOrEqual(pulled);
        // Refused only while the request was above what was left.
        let left = pulled;
        for (const q of quantities) {
          const take = takeFromStock(left, q);
          expect(take.ok).toBe(q <= left);
          if (take.ok) left -= q;
        }
      }),
    );
  });

  it('the till counts its own redemptions not yet counted at head office, never below zero', () => {
    fc.assert(
      fc.property(stockArb, fc.integer({ min: -5, max: 20_000 }), (pulled, own) => {
        const at = stockAtTill(pulled, own);
        if (pulled === null) expect(at).toBeNull();
        else expect(at).toBe(Math.min(pulled, Math.max(0, pulled - own)));
      }),
    );
  });

  it('head office accepts every redemption, counts each unit once and flags exactly what went past the stock', () => {
    fc.assert(
      fc.property(stockArb, quantitiesArb, (stock, quantities) => {
        const s = quantities.reduce<ShopStock>((acc, q) => countRedemption(acc, q), { stock, redeemed: 0 });
        const total = quantities.reduce((a, q) => a + q, 0);
        expect(s.redeemed).toBe(total);
        if (stock === null) {
          expect(shopStockLeft(s)).toBeNull();
          expect(shopStockOversold(s)).toBe(0);
          expect(stockForTill(s)).toBeNull();
        } else {
          expect(shopStockLeft(s)).toBe(stock - total);
          expect(shopStockOversold(s)).toBe(Math.max(0, total - stock));
          expect(stockForTill(s)).toBe(Math.max(0, stock - total));
        }
      }),
    );
  });

  it('two tills of a shop offline give at most their pulled stock each; head office flags the excess', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), quantitiesArb, quantitiesArb, (stock, a, b) => {
        const tillA = runTill(stock, a);
        const tillB = runTill(stock, b);
        const atHo = countRedemption(countRedemption({ stock, redeemed: 0 }, tillA.given), tillB.given);
        expect(shopStockOversold(atHo)).toBe(Math.max(0, tillA.given + tillB.given - stock));
        expect(shopStockOversold(atHo)).toBeLessThanOrEqual(stock);
      }),
    );
  });
});

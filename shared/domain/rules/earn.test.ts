import { describe, it, expect } from 'vitest';
import { computeEarn, lineTotalMinor, type EarnInput, type SaleLineForRules } from './earn';
import { DEFAULT_RULE_SET, RuleSet, type RuleSetInput } from './ruleSet';

const redemption = { pointsPerUnit: 100, unitValueMinor: 100 };
const rules = (over: Partial<RuleSetInput>): RuleSet =>
  RuleSet.parse({ version: 3, base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } }, redemption, ...over });
const line = (unitPriceMinor: number, over: Partial<SaleLineForRules> = {}): SaleLineForRules => ({
  sku: 'SKU',
  name: 'Item',
  category: 'gen',
  quantity: 1,
  unitPriceMinor,
  ...over,
});
const sale = (lines: SaleLineForRules[], over: Partial<EarnInput> = {}): EarnInput => ({
  lines,
  discountMinor: 0,
  tierCode: null,
  visitNumber: 1,
  currency: null,
  ...over,
});

describe('computeEarn — the seed formulas', () => {
  it('per amount: points = amount × ratio', () => {
    const r = computeEarn(
      rules({ base: { kind: 'perAmount', ratio: { points: 2, perMinor: 100 } } }),
      sale([line(5000, { quantity: 3 })]),
    );
    expect(r.points).toBe(300);
    expect(r.eligibleMinor).toBe(15000);
    expect(r.ruleVersion).toBe(3);
  });

  it('per visit: points = visits × value, only from the minimum spend', () => {
    const rs = rules({ base: { kind: 'none' }, visit: { kind: 'perVisit', points: 10, minSpendMinor: 2000 } });
    const total = [1, 2, 3, 4].reduce(
      (sum, n) => sum + computeEarn(rs, sale([line(2500)], { visitNumber: n })).points,
      0,
    );
    expect(total).toBe(4 * 10);
    const small = computeEarn(rs, sale([line(1999)], { visitNumber: 5 }));
    expect(small.points).toBe(0);
    expect(small.explanation.find((e) => e.code === 'visit')?.params.points).toBe(0);
  });

  it('ladder by amount: the reached band applies to the whole amount', () => {
    const rs = rules({
      base: {
        kind: 'ladderAmount',
        bands: [
          { fromMinor: 0, ratio: { points: 1, perMinor: 100 } },
          { fromMinor: 50000, ratio: { points: 2, perMinor: 100 } },
        ],
      },
    });
    expect(computeEarn(rs, sale([line(49999)])).points).toBe(499);
    const r = computeEarn(rs, sale([line(50000)]));
    expect(r.points).toBe(1000); // a step up at the band edge, by design
    expect(r.explanation.find((e) => e.code === 'ladder')?.params).toMatchObject({ bandIndex: 1, fromMinor: 50000 });
  });

  it('ladder by visits: the Nth visit earns the last band reached', () => {
    const rs = rules({
      base: { kind: 'none' },
      visit: {
        kind: 'ladderVisits',
        bands: [
          { fromVisit: 1, points: 5 },
          { fromVisit: 3, points: 10 },
          { fromVisit: 10, points: 20 },
        ],
      },
    });
    const at = (visitNumber: number) => computeEarn(rs, sale([line(100)], { visitNumber })).points;
    expect([1, 2, 3, 9, 10, 50].map(at)).toEqual([5, 5, 10, 10, 20, 20]);
  });

  it('tier multiplier applies to base + visit points; unknown tier is ×1', () => {
    const rs = rules({ visit: { kind: 'perVisit', points: 10 }, tierMultipliersBp: { GOLD: 15000 } });
    expect(computeEarn(rs, sale([line(10000)], { tierCode: 'GOLD' })).points).toBe(165);
    expect(computeEarn(rs, sale([line(10000)], { tierCode: 'NOPE' })).points).toBe(110);
    expect(computeEarn(rs, sale([line(10000)], { tierCode: 'constructor' })).points).toBe(110);
    const inherited = computeEarn(rs, sale([line(10000, { sku: 'constructor', category: 'toString' })]));
    expect(inherited.points).toBe(110);
    expect(inherited.explanation.map((e) => e.code)).toEqual(['base', 'visit']);
  });

  it('category and sku multipliers: sku beats category; exclusions earn nothing', () => {
    const rs = rules({
      categoryMultipliersBp: { fresh: 20000 },
      skuMultipliersBp: { APPLE: 30000 },
      excludedCategories: ['tobacco'],
      excludedSkus: ['GIFTCARD'],
    });
    const r = computeEarn(
      rs,
      sale([
        line(1000, { category: 'fresh', sku: 'PEAR' }),
        line(1000, { category: 'fresh', sku: 'APPLE' }),
        line(1000, { category: 'tobacco', sku: 'CIG' }),
        line(1000, { category: 'gen', sku: 'GIFTCARD' }),
        line(1000, { category: 'gen', sku: 'PEN' }),
      ]),
    );
    expect(r.lines.map((l) => l.multiplierBp)).toEqual([20000, 30000, 0, 0, 10000]);
    expect(r.lines.map((l) => l.points)).toEqual([20, 30, 0, 0, 10]);
    expect(r.points).toBe(60);
    expect(r.explanation.filter((e) => e.code === 'excluded').map((e) => e.params.by)).toEqual(['category', 'sku']);
  });

  it('points spent do not earn points', () => {
    const r = computeEarn(DEFAULT_RULE_SET, sale([line(10000)], { discountMinor: 2500 }));
    expect(r.points).toBe(75);
    expect(r.explanation.find((e) => e.code === 'discount')?.params).toEqual({
      totalMinor: 10000,
      discountMinor: 2500,
      paidMinor: 7500,
    });
  });

  it('rounds once per sale, with the rule set policy', () => {
    const lines = [line(150), line(150), line(150)]; // 4.50 → exact 4.5 points
    expect(computeEarn(DEFAULT_RULE_SET, sale(lines)).points).toBe(4);
    expect(computeEarn(rules({ rounding: 'half-up' }), sale(lines)).points).toBe(5);
    expect(computeEarn(rules({ rounding: 'ceil' }), sale(lines)).points).toBe(5);
    const r = computeEarn(DEFAULT_RULE_SET, sale(lines));
    expect([r.exactNumerator, r.exactDenominator]).toEqual([9n, 2n]);
    expect(r.lines.map((l) => l.points)).toEqual([1, 1, 1]); // per-line floors may sum below the total
    expect(r.explanation.at(-1)).toMatchObject({
      code: 'rounding',
      params: { policy: 'floor', exact: '4.5', points: 4 },
    });
  });

  it('anonymous sales earn nothing', () => {
    const r = computeEarn(DEFAULT_RULE_SET, sale([line(10000)], { visitNumber: null, tierCode: 'GOLD' }));
    expect(r.points).toBe(0);
    expect(r.explanation).toEqual([{ code: 'anonymous', text: 'Anonymous sale: no points', params: {} }]);
  });

  it('explains 128.00 × 1 pt per 1.00 × Gold ×1.5 = 192', () => {
    const r = computeEarn(DEFAULT_RULE_SET, sale([line(12800)], { tierCode: 'GOLD', tierName: 'Gold' }));
    expect(r.points).toBe(192);
    expect(r.summary).toBe('128.00 × 1 pt/1.00 × Gold ×1.5 = 192');
    expect(r.explanation.map((e) => e.code)).toEqual(['base', 'tier']);
    expect(r.explanation[1]?.params).toEqual({ tierCode: 'GOLD', tierName: 'Gold', multiplierBp: 15000 });
  });

  it('summarises visit points and rounding', () => {
    const rs = rules({ visit: { kind: 'perVisit', points: 5 } });
    expect(computeEarn(rs, sale([line(5000)])).summary).toBe('(50.00 × 1 pt/1.00 + 5 visit pt) = 55');
    expect(computeEarn(DEFAULT_RULE_SET, sale([line(12345)], { tierCode: 'SILVER' })).summary).toBe(
      '123.45 × 1 pt/1.00 × SILVER ×1.2 = 148.14 → 148',
    );
  });

  it("writes the summary in the sale's currency, never an assumed ¥", () => {
    const dollars = computeEarn(DEFAULT_RULE_SET, sale([line(12800)], { currency: 'USD' }));
    expect(dollars.summary).toBe('128.00 × 1 pt/1.00 USD = 128');
    const yen = rules({ base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } } });
    expect(computeEarn(yen, sale([line(12800)], { currency: 'JPY' })).summary).toBe('12800 × 1 pt/100 JPY = 128');
  });

  it('refuses nonsense input', () => {
    expect(() => computeEarn(DEFAULT_RULE_SET, sale([line(-1)]))).toThrow(RangeError);
    expect(() => computeEarn(DEFAULT_RULE_SET, sale([line(100)], { visitNumber: 0 }))).toThrow(RangeError);
    expect(() => computeEarn(DEFAULT_RULE_SET, sale([line(100)], { discountMinor: -1 }))).toThrow(RangeError);
  });

  it('computes line totals, rounding weighed quantities to the minor unit', () => {
    expect(lineTotalMinor(line(1999, { quantity: 3 }))).toBe(5997);
    expect(lineTotalMinor(line(1000, { quantity: 0.335 }))).toBe(335);
  });
});

import { describe, expect, it } from 'vitest';
import { computeEarn } from '../../shared/domain/rules/earn';
import { RuleSet } from '../../shared/domain/rules/ruleSet';
import { i18next } from '../i18n/i18n';
import { explainFormula, explainLines } from './explanation';

// The formula and the list are worded from the rule engine's codes + params in the screen's
// language, with the shop's money: never the engine's English summary.
const rules = RuleSet.parse({
  version: 1,
  rounding: 'floor',
  base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
  visit: { kind: 'perVisit', points: 5, minSpendMinor: 3_000 },
  tierMultipliersBp: { BRONZE: 10_000, GOLD: 15_000, SILVER: 12_345 },
  redemption: { pointsPerUnit: 100, unitValueMinor: 100, maxDiscountBp: 5_000, minPoints: 100 },
});
const line = (unitPriceMinor: number) => ({ sku: 'A', name: '', category: 'general', quantity: 1, unitPriceMinor });
const quote = (over: { tierCode?: string; tierName?: string; visitNumber?: number | null; price?: number } = {}) => {
  const earn = computeEarn(rules, {
    lines: [line(over.price ?? 12_800)],
    discountMinor: 0,
    tierCode: over.tierCode ?? null,
    tierName: over.tierName ?? null,
    currency: 'CNY',
    visitNumber: over.visitNumber === undefined ? 3 : over.visitNumber,
  });
  return { explanation: earn.explanation, pointsEarned: earn.points, summary: earn.summary };
};
const zh = i18next.getFixedT('zh-CN');
const en = i18next.getFixedT('en');
const FSI = '\u2068';
const PDI = '\u2069';

describe('explainFormula', () => {
  it('reads in Chinese in zh-CN, in English in en', () => {
    expect(explainFormula(quote(), 'CNY', 'zh-CN', zh)).toBe('(128.00 × 每 ¥1.00 积 1 分 + 到店 5 分) = 133');
    expect(explainFormula(quote(), 'CNY', 'en', en)).toBe('(128.00 × 1 pt per ¥1.00 + 5 visit pts) = 133');
  });
  it("says an anonymous sale earns nothing in the screen's words", () => {
    expect(explainFormula(quote({ visitNumber: null }), 'CNY', 'zh-CN', zh)).toBe('非会员消费 = 0');
  });
  it('isolates the tier name and shows the rounding', () => {
    const gold = quote({ tierCode: 'GOLD', tierName: '金卡 Gold', price: 12_345 });
    const tier = `${FSI}金卡 Gold${PDI}`;
    const expected = `(123.45 × 每 ¥1.00 积 1 分 + 到店 5 分) × ${tier} ×1.5 = 192.675 → 192`;
    expect(explainFormula(gold, 'CNY', 'zh-CN', zh)).toBe(expected);
  });
  it('shows a multiplier as the summary does, exactly (×1.2345, not ×1.23)', () => {
    const silver = quote({ tierCode: 'SILVER', tierName: 'Silver' });
    expect(explainFormula(silver, 'CNY', 'en', en)).toContain('×1.2345 =');
    expect(explainLines(silver, 'CNY', 'en', en).join('\n')).toContain('×1.2345');
    expect(silver.summary).toContain('×1.2345 =');
  });
  it("writes amounts in the shop's currency", () => {
    expect(explainFormula(quote(), 'USD', 'zh-CN', zh)).toBe('(128.00 × 每 $1.00 积 1 分 + 到店 5 分) = 133');
  });
});

describe('explainLines', () => {
  it('words every line from the tables, with no English in zh-CN', () => {
    const gold = quote({ tierCode: 'GOLD', tierName: 'Gold' });
    const lines = explainLines(gold, 'CNY', 'zh-CN', zh);
    expect(lines.join('\n').replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });
});

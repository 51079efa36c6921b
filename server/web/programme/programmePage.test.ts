// The Programme area's page logic with exact figures: the sample-basket preview (the till's earn engine,
// categories resolved as the till does), the change summary a publish confirms, and the field issues in
// both languages; and, for any basket and rule set, the page's preview is what the till's sale earns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesInput, TiersInput } from '../../../shared/admin/inputs';
import { computeEarn } from '../../../shared/domain/rules/earn';
import { DEFAULT_RULE_SET, RuleSet } from '../../../shared/domain/rules/ruleSet';
import { CategoryList } from '../../../shared/sync/catalogue';
import { changesBetween, keyedBy } from './changeSummary';
import { changeLines } from './changeText';
import { checkWith } from './fieldIssues';
import { figureToMinor, timesToBp } from './formInput';
import { formOf, rulesForDiff, rulesOf } from './rulesForm';
import { previewEarn } from './samplePreview';

const CATEGORIES = CategoryList.parse({
  defaultCode: 'general',
  categories: [
    { code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } },
    { code: 'bakery', names: { 'zh-CN': '烘焙', en: 'Bakery' } },
    { code: 'tobacco', names: { 'zh-CN': '烟草', en: 'Tobacco' } },
  ],
});
const RULES = RuleSet.parse({
  ...DEFAULT_RULE_SET,
  categoryMultipliersBp: { bakery: 15_000 },
  excludedCategories: ['tobacco'],
});
const line = (sku: string, category: string, quantity: number, unitPriceMinor: number) => ({
  sku,
  name: sku,
  category,
  quantity,
  unitPriceMinor,
});

describe('the sample-basket preview', () => {
  it('earns 1 point per ¥1, bakery ×1.5, tobacco nothing, Gold ×1.5, rounded down once', () => {
    // 2 × ¥25.00 general = 50 pts; ¥18.50 bakery ×1.5 = 27.75; ¥30 tobacco = 0 → 77.75 × 1.5 = 116.625 → 116.
    const basket = {
      lines: [line('A', 'general', 2, 2_500), line('B', '烘焙', 1, 1_850), line('C', 'Tobacco', 1, 3_000)],
      tierCode: 'GOLD',
      visitNumber: 1,
    };
    const preview = previewEarn(RULES, CATEGORIES, basket);
    if (!preview.ok) throw new Error('refused');
    expect(preview.earn.points).toBe(116);
    expect(preview.earn.eligibleMinor).toBe(6_850); // tobacco earns nothing, so it is not counted
    expect(preview.earn.lines.map((l) => l.points)).toEqual([75, 41, 0]);
  });

  it('says which line has a category the chain does not have', () => {
    const basket = { lines: [line('A', 'general', 1, 100), line('B', 'toys', 1, 100)], tierCode: null, visitNumber: 1 };
    expect(previewEarn(RULES, CATEGORIES, basket)).toEqual({ ok: false, unknownCategoryLine: 1 });
  });
});

describe('what a publish changes', () => {
  it('lists the changed fields old → new, multipliers as ×, nothing else', () => {
    const form = { ...formOf(RULES), ratioPoints: '2', excludedCategories: [] };
    form.multipliers = [{ category: 'bakery', times: '2' }];
    const next = RuleSet.parse({ ...rulesOf(RULES, form), version: 1000 });
    const changes = changesBetween(rulesForDiff(RULES), rulesForDiff(next));
    expect(changes).toEqual([
      { path: 'base.ratio.points', before: '1', after: '2' },
      { path: 'categoryMultipliersBp.bakery', before: '15000', after: '20000' },
      { path: 'excludedCategories', before: null, after: '{}' },
      { path: 'excludedCategories.tobacco', before: '✓', after: null },
    ]);
    expect(changeLines(changes, 'en')[1]).toEqual({ field: 'Category multiplier bakery', before: '×1.5', after: '×2' });
    expect(changeLines(changes, 'zh-CN')[3]).toEqual({ field: '不积分品类（tobacco）', before: '✓', after: '—' });
  });

  it('compares tiers by code, so a new top tier is its own lines only', () => {
    const ladder = [
      { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
      { code: 'GOLD', name: 'Gold', rank: 2, qualifyPoints: 5_000 },
    ];
    const next = ladder.map((t) => (t.code === 'GOLD' ? { ...t, qualifyPoints: 6_000 } : t));
    expect(
      changesBetween(
        keyedBy(ladder, (t) => t.code),
        keyedBy(next, (t) => t.code),
      ),
    ).toEqual([{ path: 'GOLD.qualifyPoints', before: '5000', after: '6000' }]);
  });
});

describe('a wrong value beside its field, in the person’s language', () => {
  it('words the rules schema’s issues by field in en and zh-CN', () => {
    const form = { ...formOf(RULES), ratioPoints: 'x', tierTimes: { GOLD: '0' } };
    const body = { rules: { ...rulesOf(RULES, form), version: 1000 } };
    const en = checkWith(RulesInput, body, 'en', 'rules');
    const zh = checkWith(RulesInput, body, 'zh-CN', 'rules');
    expect(en).toEqual({
      ok: false,
      issues: { 'base.ratio.points': 'a whole number is needed', 'tierMultipliersBp.GOLD': 'must be above 0' },
    });
    expect(zh).toEqual({
      ok: false,
      issues: { 'base.ratio.points': '需要整数', 'tierMultipliersBp.GOLD': '必须大于 0' },
    });
  });

  it('words a ladder whose top tier needs fewer points', () => {
    const tiers = [
      { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
      { code: 'GOLD', name: 'Gold', rank: 2, qualifyPoints: 0 },
    ];
    expect(checkWith(TiersInput, { tiers }, 'en', 'tiers')).toEqual({
      ok: false,
      issues: { '1.qualifyPoints': 'must need more points than the tier below' },
    });
  });

  it('reads typed figures and multipliers exactly', () => {
    expect([figureToMinor('18.5'), figureToMinor('25'), figureToMinor('1.234')]).toEqual([1_850, 2_500, Number.NaN]);
    expect([timesToBp('1.5'), timesToBp('0'), timesToBp('x')]).toEqual([15_000, 0, Number.NaN]);
  });
});

describe('the page’s preview is the till’s earn', () => {
  const bp = fc.integer({ min: 0, max: 50_000 });
  const rules = fc
    .record({
      points: fc.integer({ min: 0, max: 100 }),
      perMinor: fc.integer({ min: 1, max: 10_000 }),
      rounding: fc.constantFrom('floor' as const, 'half-up' as const, 'ceil' as const),
      bakery: bp,
      gold: fc.integer({ min: 1, max: 50_000 }),
      excluded: fc.subarray(['tobacco', 'bakery']),
      visit: fc.nat(50),
    })
    .map((r) =>
      RuleSet.parse({
        ...DEFAULT_RULE_SET,
        rounding: r.rounding,
        base: { kind: 'perAmount', ratio: { points: r.points, perMinor: r.perMinor } },
        visit: { kind: 'perVisit', points: r.visit },
        tierMultipliersBp: { GOLD: r.gold },
        categoryMultipliersBp: { bakery: r.bakery },
        excludedCategories: r.excluded,
      }),
    );
  const typed = fc.constantFrom(['general', 'General'], ['bakery', '烘焙'], ['tobacco', 'TOBACCO'], ['general', '']);
  const basketLine = fc.record({
    category: typed,
    quantity: fc.integer({ min: 1, max: 20 }),
    unitPriceMinor: fc.integer({ min: 0, max: 100_000 }),
  });

  it('for any rule set and basket, the page shows what a till’s sale earns under the published rules', () => {
    fc.assert(
      fc.property(
        rules,
        fc.array(basketLine, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(null, 'GOLD'),
        fc.integer({ min: 1, max: 100 }),
        (ruleSet, lines, tierCode, visitNumber) => {
          // The page types categories as a person would; the till gets the rules as head office stores them (JSON).
          const page = previewEarn(ruleSet, CATEGORIES, {
            lines: lines.map((l, i) => line(`S${i}`, l.category[1] ?? '', l.quantity, l.unitPriceMinor)),
            tierCode,
            visitNumber,
          });
          const published = RuleSet.parse(JSON.parse(JSON.stringify(ruleSet)));
          const till = computeEarn(published, {
            lines: lines.map((l, i) => line(`S${i}`, l.category[0] ?? '', l.quantity, l.unitPriceMinor)),
            discountMinor: 0,
            tierCode,
            visitNumber,
            currency: 'CNY',
          });
          if (!page.ok) throw new Error('a known category was refused');
          expect(page.earn.points).toBe(till.points);
          expect(page.earn.lines.map((l) => l.points)).toEqual(till.lines.map((l) => l.points));
          expect(page.earn.eligibleMinor).toBe(till.eligibleMinor);
        },
      ),
    );
  });
});

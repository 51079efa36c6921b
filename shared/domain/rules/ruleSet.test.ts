import { describe, it, expect } from 'vitest';
import { DEFAULT_RULE_SET, RuleSet, type RuleSetInput } from './ruleSet';

const redemption = { pointsPerUnit: 100, unitValueMinor: 100 };
const messages = (input: RuleSetInput): string[] => {
  const r = RuleSet.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('RuleSet schema', () => {
  it('fills defaults', () => {
    const r = RuleSet.parse({ version: 2, base: { kind: 'none' }, redemption });
    expect(r.rounding).toBe('floor');
    expect(r.visit).toEqual({ kind: 'none' });
    expect(r.redemption).toEqual({ ...redemption, maxDiscountBp: 10000, minPoints: 0 });
    expect(r.excludedSkus).toEqual([]);
  });

  it('has the documented default rule set', () => {
    expect(DEFAULT_RULE_SET.base).toEqual({ kind: 'perAmount', ratio: { points: 1, perMinor: 100 } });
    expect(DEFAULT_RULE_SET.tierMultipliersBp).toEqual({ BRONZE: 10000, SILVER: 12000, GOLD: 15000 });
    expect(DEFAULT_RULE_SET.rounding).toBe('floor');
    expect(DEFAULT_RULE_SET.visit.kind).toBe('none');
    expect(RuleSet.parse(DEFAULT_RULE_SET)).toEqual(DEFAULT_RULE_SET);
  });

  it('requires amount ladders to start at 0 and ascend', () => {
    const band = (fromMinor: number) => ({ fromMinor, ratio: { points: 1, perMinor: 100 } });
    expect(messages({ version: 1, base: { kind: 'ladderAmount', bands: [band(0), band(10000)] }, redemption })).toEqual(
      [],
    );
    expect(messages({ version: 1, base: { kind: 'ladderAmount', bands: [band(100)] }, redemption })).toEqual([
      'the first amount band must start at 0',
    ]);
    expect(
      messages({ version: 1, base: { kind: 'ladderAmount', bands: [band(0), band(500), band(500)] }, redemption })[0],
    ).toMatch(/strictly ascending/);
  });

  it('requires visit ladders to start at 1 and ascend', () => {
    const visit = (froms: number[]) => ({
      kind: 'ladderVisits' as const,
      bands: froms.map((fromVisit) => ({ fromVisit, points: 5 })),
    });
    expect(messages({ version: 1, base: { kind: 'none' }, visit: visit([1, 5]), redemption })).toEqual([]);
    expect(messages({ version: 1, base: { kind: 'none' }, visit: visit([2]), redemption })).toEqual([
      'the first visit band must start at 1',
    ]);
    expect(messages({ version: 1, base: { kind: 'none' }, visit: visit([1, 4, 3]), redemption })[0]).toMatch(
      /strictly ascending/,
    );
  });

  it('refuses out-of-range numbers', () => {
    expect(RuleSet.safeParse({ version: 0, base: { kind: 'none' }, redemption }).success).toBe(false);
    expect(
      RuleSet.safeParse({ version: 1, base: { kind: 'perAmount', ratio: { points: 1, perMinor: 0 } }, redemption })
        .success,
    ).toBe(false);
    expect(
      RuleSet.safeParse({ version: 1, base: { kind: 'none' }, tierMultipliersBp: { GOLD: 1.5 }, redemption }).success,
    ).toBe(false);
    expect(
      RuleSet.safeParse({ version: 1, base: { kind: 'none' }, tierMultipliersBp: { GOLD: 0 }, redemption }).success,
    ).toBe(false);
  });
});

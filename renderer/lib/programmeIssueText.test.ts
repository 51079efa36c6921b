// A refused programme is worded field by field in both languages: every issue the shared schemas
// (RuleSet, TierLadder, RewardSpec) can raise for a bad programme has a specific line, never the raw text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { i18next } from '../i18n/i18n';
import { RulesDraft } from '../../shared/contract/programme';
import { RewardSpec, TierLadder } from '../../shared/sync/catalogue';
import { programmeIssueLine, programmeIssueLines } from './programmeIssueText';

// The till's own i18next instance, both languages loaded at import.
const tZh = i18next.getFixedT('zh-CN');
const tEn = i18next.getFixedT('en');

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
/** The first issue, its path under the call's input (`rules.`, `tiers.`, `reward.`). */
function firstIssue(r: Parameters<typeof issuesOf>[0], prefix: string): { path: string; message: string } {
  const [issue] = issuesOf(r);
  if (!issue) throw new Error('the schema passed a broken programme');
  return { ...issue, path: `${prefix}.${issue.path}` };
}

const RULES = {
  base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
  redemption: { pointsPerUnit: 1, unitValueMinor: 1 },
};

describe('programme refusals in words', () => {
  it('names the tier whose threshold equals the one below, and an absurd or negative multiplier', () => {
    const ladder = [
      { code: 'A', name: 'A', rank: 1, qualifyPoints: 0 },
      { code: 'B', name: 'B', rank: 2, qualifyPoints: 0 },
    ];
    const equal = firstIssue(TierLadder.safeParse(ladder), 'tiers');
    expect(programmeIssueLine(equal, tZh)).toBe('升级所需积分 (2)：每个等级所需积分必须高于下一级，不能相同。');
    expect(programmeIssueLine(equal, tEn)).toBe(
      'Points to reach (2): each tier must need more points than the one below (no equal thresholds).',
    );
    const absurd = firstIssue(
      RulesDraft.safeParse({ ...RULES, categoryMultipliersBp: { bakery: 5_000_000 } }),
      'rules',
    );
    expect(programmeIssueLine(absurd, tEn)).toBe('Category multiplier bakery: at most ×100.');
    const negative = firstIssue(RulesDraft.safeParse({ ...RULES, skuMultipliersBp: { A1: -1 } }), 'rules');
    expect(programmeIssueLine(negative, tZh)).toBe('商品编码倍数 A1：不能小于 ×0。');
  });

  it('words the database’s own refusals and keeps non-VALIDATION refusals to their headline', () => {
    const error = {
      code: 'VALIDATION' as const,
      message: 'x',
      details: { issues: [{ path: 'tiers', message: 'tier_in_use' }], tiers: 'GOLD' },
    };
    expect(programmeIssueLines(error, tEn)).toEqual([
      'Members are still in the tiers you removed (GOLD): keep those tiers.',
    ]);
    expect(programmeIssueLines({ code: 'PROGRAMME_AT_HEAD_OFFICE', message: 'x' }, tEn)).toEqual([]);
  });

  it('words every issue of a broken programme specifically, in both languages (property)', () => {
    const broken = fc.oneof(
      fc.record({ points: fc.oneof(fc.integer({ max: -1 }), fc.constant(1.5), fc.constant(Number.NaN)) }).map((r) => ({
        schema: RulesDraft,
        input: { ...RULES, base: { kind: 'perAmount', ratio: { points: r.points, perMinor: 100 } } },
        prefix: 'rules',
      })),
      fc
        .integer({ min: 1_000_001, max: 1e9 })
        .map((bp) => ({ schema: RulesDraft, input: { ...RULES, tierMultipliersBp: { GOLD: bp } }, prefix: 'rules' })),
      fc.integer({ min: 0, max: 100 }).map((q) => ({
        schema: TierLadder,
        input: [
          { code: 'A', name: 'A', rank: 1, qualifyPoints: q },
          { code: 'A', name: ' ', rank: 1, qualifyPoints: q },
        ],
        prefix: 'tiers',
      })),
      fc.integer({ max: 0 }).map((cost) => ({
        schema: RewardSpec,
        input: { code: 'R', name: 'R', category: 'c', pointsCost: cost, cashValueMinor: 0, stock: -1, active: true },
        prefix: 'reward',
      })),
    );
    fc.assert(
      fc.property(broken, ({ schema, input, prefix }) => {
        const issues = issuesOf(schema.safeParse(input));
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          for (const t of [tZh, tEn]) {
            const line = programmeIssueLine({ ...issue, path: `${prefix}.${issue.path}` }, t);
            expect(line).not.toBe(t('programme.issue.generic', { field: line.split(/[:：]/)[0] }));
            expect(line).not.toContain(issue.message);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

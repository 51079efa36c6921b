// A refused campaign is worded field by field in both languages: the issues the shared schema
// (SaveCampaignInput) raises for what the editor can send each land on their field, never raw.
import { describe, expect, it } from 'vitest';
import { i18next } from '../i18n/i18n';
import type { ApiError } from '../../shared/contract/errors';
import { candidateSpec, newDraft } from '../components/campaigns/campaignDraft';
import { campaignIssues } from './campaignIssueText';
import { SaveCampaignInput } from '../../shared/contract/campaigns';

// The till's own i18next instance, both languages loaded at import.
const tZh = i18next.getFixedT('zh-CN');
const tEn = i18next.getFixedT('en');

const ZONE = 'Asia/Shanghai';
const NOW = Date.UTC(2025, 5, 7, 2, 0, 0);

function refusal(input: unknown): ApiError {
  const parsed = SaveCampaignInput.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { code: 'VALIDATION', message: 'invalid', details: { issues } };
}

describe('campaign issues', () => {
  it('a new draft with no stacking choice is refused on that field alone', () => {
    const draft = { ...newDraft(NOW, ZONE), name: 'Weekend' };
    const error = refusal({ spec: candidateSpec(draft, ZONE), state: 'published' });
    expect(campaignIssues(error, tEn)).toEqual({
      overlap: ['Choose what happens when other campaigns also apply (add, or only the best).'],
    });
    expect(campaignIssues(error, tZh).overlap?.[0]).toContain('叠加');
  });

  it('an end day before the start day, a ×1 multiplier, an empty name, a published zero budget', () => {
    const draft = { ...newDraft(NOW, ZONE), overlap: 'stack' as const, startDay: '2025-06-07', endDay: '2025-06-01' };
    expect(campaignIssues(refusal({ spec: candidateSpec(draft, ZONE), state: 'draft' }), tEn)).toEqual({
      name: ['Campaign name is required.'],
      endsAt: ['The end date cannot be before the start date.'],
    });
    const named = { ...draft, name: 'Weekend' };
    expect(campaignIssues(refusal({ spec: candidateSpec(named, ZONE), state: 'draft' }), tZh)).toEqual({
      endsAt: ['结束日期不能早于开始日期。'],
    });
    const bad = { ...named, endDay: '2025-06-30', multiplierBp: 10_000, budgetPoints: 0 };
    expect(campaignIssues(refusal({ spec: candidateSpec(bad, ZONE), state: 'published' }), tEn)).toEqual({
      multiplierBp: ['Points multiplier: more than ×1.'],
      budgetPoints: ['A published campaign needs a budget above 0 points.'],
    });
    const zero = { ...named, endDay: '2025-06-30', budgetPoints: 0 };
    expect(campaignIssues(refusal({ spec: candidateSpec(zero, ZONE), state: 'published' }), tZh)).toEqual({
      budgetPoints: ['发布的活动积分预算必须大于 0。'],
    });
  });

  it('a day range covers the end day whole, in the shop’s zone', () => {
    const draft = { ...newDraft(NOW, ZONE), startDay: '2025-06-07', endDay: '2025-06-07' };
    const spec = candidateSpec(draft, ZONE);
    expect(spec.startsAt).toBe(Date.UTC(2025, 5, 6, 16));
    expect(spec.endsAt).toBe(Date.UTC(2025, 5, 7, 16));
  });
});

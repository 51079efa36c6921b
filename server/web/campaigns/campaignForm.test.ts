import { describe, expect, it } from 'vitest';
import { campaignEditorText } from './campaignEditorText';
import { checkedInput, formIssues, newForm, serverIssues, type CampaignForm } from './campaignForm';

// The page's campaign form: the route's own schema judges it, each issue lands on its field, worded
// in both languages; what passes is the route's input in its units (bp, minor units, epoch ms).

const ZONE = 'Asia/Shanghai';
const NOW = Date.UTC(2026, 11, 3, 4); // 2026-12-03 12:00 in Shanghai
const form = (patch: Partial<CampaignForm>): CampaignForm => ({
  ...newForm(NOW, ZONE),
  name: 'Double',
  overlap: 'stack',
  ...patch,
});

describe('the campaign form', () => {
  it('turns the fields into the route input in its units', () => {
    const checked = checkedInput(
      form({
        kind: 'spendBonus',
        minSpend: '12.5',
        points: '30',
        holdoutPercent: '12.5',
        targetKind: 'rfmSegment',
        rfmSegment: 'loyal',
      }),
      ZONE,
    );
    expect(checked.ok && checked.input).toMatchObject({
      rule: { kind: 'spendBonus', minSpendMinor: 1250, points: 30 },
      target: { kind: 'rfmSegment', segment: 'loyal' },
      startsAt: Date.UTC(2026, 11, 2, 16),
      endsAt: Date.UTC(2027, 0, 2, 16), // the last day (2027-01-02) included
      holdoutBp: 1250,
      perMemberLimit: null,
    });
  });

  it('says each wrong value beside its field, in zh-CN and en', () => {
    const checked = checkedInput(
      form({ name: '', overlap: '', multiplier: '1', holdoutPercent: '60', budgetPoints: '2.5', perMemberLimit: 'x' }),
      ZONE,
    );
    if (checked.ok) throw new Error('a wrong form passed');
    expect(checked.issues).toEqual({
      name: [{ key: 'issueRequired', params: {} }],
      multiplier: [{ key: 'issueMultiplierAboveOne', params: {} }],
      overlap: [{ key: 'issueOverlapMissing', params: {} }],
      budgetPoints: [{ key: 'issueNotWhole', params: {} }],
      perMemberLimit: [{ key: 'issueNotNumber', params: {} }],
      holdoutPercent: [{ key: 'issueTooBig', params: { max: '50%' } }],
    });
    expect(campaignEditorText('en', 'issueTooBig', { field: 'Holdout share (%)', max: '50%' })).toBe(
      'Holdout share (%): at most 50%.',
    );
    expect(campaignEditorText('zh-CN', 'issueTooBig', { field: '对照组比例（%）', max: '50%' })).toBe(
      '对照组比例（%）：不能大于 50%。',
    );
  });

  it('words head office’s own refusal of an empty segment on the target', () => {
    expect(formIssues(serverIssues({ issues: [{ path: 'target', message: 'segment_empty' }] }))).toEqual({
      target: [{ key: 'issueSegmentEmpty', params: {} }],
    });
    expect(checkedInput(form({ endDay: '2026-11-01' }), ZONE)).toMatchObject({
      ok: false,
      issues: { endDay: [{ key: 'issueEndsBeforeStart' }] },
    });
  });
});

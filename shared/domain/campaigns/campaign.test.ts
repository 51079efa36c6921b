import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Campaign, CampaignSpec, campaignStatus } from './campaign';
import { holdoutPosition, inHoldout } from './holdout';

const validSpec = {
  name: 'Weekend ×2',
  rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [0, 6] },
  target: { kind: 'everyone' },
  startsAt: 1_000,
  endsAt: 2_000,
  overlap: 'stack',
  budgetPoints: 10_000,
  perMemberLimit: 500,
  holdoutBp: 1_000,
};

describe('campaign schema', () => {
  it('takes a whole campaign', () => {
    expect(CampaignSpec.safeParse(validSpec).success).toBe(true);
    const stored = {
      ...validSpec,
      id: '00000000-0000-4000-8000-000000000001',
      published: true,
      cancelled: false,
      updatedAt: 5,
    };
    expect(Campaign.safeParse(stored).success).toBe(true);
  });

  it.each([
    ['ends before it starts', { endsAt: 500 }],
    ['ends as it starts', { endsAt: 1_000 }],
    ['a negative multiplier', { rule: { kind: 'multiplier', multiplierBp: -20_000 } }],
    ['a multiplier of ×1', { rule: { kind: 'multiplier', multiplierBp: 10_000 } }],
    ['an absurd multiplier', { rule: { kind: 'multiplier', multiplierBp: 1_000_000 } }],
    ['a negative budget', { budgetPoints: -1 }],
    ['a holdout over half', { holdoutBp: 5_001 }],
    ['a negative holdout', { holdoutBp: -1 }],
    ['no stacking choice', { overlap: undefined }],
    ['an unknown stacking choice', { overlap: 'sometimes' }],
    ['a line bonus naming nothing', { rule: { kind: 'lineBonus', multiplierBp: 20_000 } }],
    ['an empty tier list', { target: { kind: 'tiers', tiers: [] } }],
    ['a segment of non-ids', { target: { kind: 'segment', memberIds: ['x'] } }],
  ])('refuses %s', (_why, change) => {
    expect(CampaignSpec.safeParse({ ...validSpec, ...change }).success).toBe(false);
  });

  it('derives the life cycle from the dates and flags', () => {
    const c = { startsAt: 1_000, endsAt: 2_000, published: true, cancelled: false };
    expect(campaignStatus({ ...c, published: false }, 1_500)).toBe('draft');
    expect(campaignStatus(c, 999)).toBe('scheduled');
    expect(campaignStatus(c, 1_000)).toBe('running');
    expect(campaignStatus(c, 2_000)).toBe('ended');
    expect(campaignStatus({ ...c, cancelled: true }, 1_500)).toBe('cancelled');
  });
});

describe('holdout', () => {
  it('is a fixed fraction in [0, 1), the same every time', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (campaign, member) => {
        const at = holdoutPosition(campaign, member);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(1);
        expect(holdoutPosition(campaign, member)).toBe(at);
        expect(inHoldout(campaign, member, 0)).toBe(false);
      }),
    );
  });

  it('holds out about the share asked for', () => {
    const campaign = '00000000-0000-4000-8000-00000000c0de';
    let held = 0;
    for (let i = 0; i < 4_000; i++) {
      if (inHoldout(campaign, `member-${i}`, 2_000)) held++;
    }
    expect(held / 4_000).toBeGreaterThan(0.17);
    expect(held / 4_000).toBeLessThan(0.23);
  });
});

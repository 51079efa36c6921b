import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CAMPAIGN_MULTIPLIER_BP, type CampaignSpec } from '../../shared/domain/campaigns/campaign';
import { errorOf, openTestCore, tableCounts, unwrap, type TestCore } from './services.testkit';

// The manager's saveCampaign call, with anything a till screen (or a broken one) could send: every
// campaign that ends before it starts, has a negative or absurd multiplier, no stacking choice, or
// is published with no budget is refused as VALIDATION naming the field, and nothing is written.

let c: TestCore;
beforeAll(async () => {
  c = openTestCore();
  unwrap(
    await c.api.configureShop({ shopId: 's1', shopName: 'Shop One', terminalName: 'Till 1', terminalCode: '31001' }),
  );
});
afterAll(() => c.dispose());

const DAY = 86_400_000;

const goodSpec = fc.record({
  name: fc.constantFrom('Weekend ×2', '周末双倍积分', 'Spring'),
  rule: fc.record({
    kind: fc.constant('multiplier' as const),
    multiplierBp: fc.integer({ min: 10_001, max: MAX_CAMPAIGN_MULTIPLIER_BP }),
    weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
  }),
  target: fc.constant({ kind: 'everyone' as const }),
  startsAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  days: fc.integer({ min: 1, max: 400 }),
  overlap: fc.constantFrom('stack' as const, 'bestOf' as const),
  budgetPoints: fc.integer({ min: 1, max: 1_000_000 }),
  perMemberLimit: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
  holdoutBp: fc.integer({ min: 0, max: 5_000 }),
});
type Good = typeof goodSpec extends fc.Arbitrary<infer T> ? T : never;
const specOf = ({ days, ...g }: Good): CampaignSpec => ({ ...g, endsAt: g.startsAt + days * DAY });

/** One way to break a good campaign, and the field the refusal must name. */
const breakage: fc.Arbitrary<{ field: string; state: 'draft' | 'published'; spoil: (s: CampaignSpec) => unknown }> =
  fc.oneof(
    fc
      .record({
        field: fc.constant('spec.endsAt'),
        state: fc.constantFrom('draft' as const, 'published' as const),
        back: fc.integer({ min: 0, max: 400 * DAY }),
      })
      .map(({ field, state, back }) => ({
        field,
        state,
        spoil: (s: CampaignSpec) => ({ ...s, endsAt: s.startsAt - back }),
      })),
    fc
      .record({
        field: fc.constant('spec.rule.multiplierBp'),
        state: fc.constantFrom('draft' as const, 'published' as const),
        bp: fc.oneof(fc.integer({ min: -1_000_000, max: 10_000 }), fc.integer({ min: MAX_CAMPAIGN_MULTIPLIER_BP + 1 })),
      })
      .map(({ field, state, bp }) => ({
        field,
        state,
        spoil: (s: CampaignSpec) => ({ ...s, rule: { kind: 'multiplier', multiplierBp: bp, weekdays: [] } }),
      })),
    fc
      .record({
        field: fc.constant('spec.overlap'),
        state: fc.constantFrom('draft' as const, 'published' as const),
        overlap: fc.constantFrom(undefined, null, '', 'sometimes', 'STACK'),
      })
      .map(({ field, state, overlap }) => ({
        field,
        state,
        spoil: (s: CampaignSpec) => {
          const { overlap: _chosen, ...rest } = s;
          return overlap === undefined ? rest : { ...rest, overlap };
        },
      })),
    fc.constant({
      field: 'spec.budgetPoints',
      state: 'published' as const,
      spoil: (s: CampaignSpec) => ({ ...s, budgetPoints: 0 }),
    }),
  );

describe('saveCampaign refuses a bad campaign', () => {
  it('as VALIDATION naming the field, writing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(goodSpec, breakage, async (good, { field, state, spoil }) => {
        const before = tableCounts(c.db);
        const result = await c.dispatch('saveCampaign', { spec: spoil(specOf(good)), state });
        const { code, details } = errorOf(result);
        expect(code).toBe('VALIDATION');
        expect(JSON.stringify(details.issues)).toContain(`"path":"${field}"`);
        expect(tableCounts(c.db)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('while the same campaign unbroken saves, and a draft may keep a budget of 0', async () => {
    await fc.assert(
      fc.asyncProperty(goodSpec, fc.boolean(), async (good, zeroDraft) => {
        const spec = zeroDraft ? { ...specOf(good), budgetPoints: 0 } : specOf(good);
        const saved = unwrap(await c.api.saveCampaign({ spec, state: zeroDraft ? 'draft' : 'published' }));
        expect(saved.campaign.name).toBe(spec.name);
        expect(saved.status === 'draft').toBe(zeroDraft);
      }),
      { numRuns: 15 },
    );
  });
});

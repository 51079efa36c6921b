// The preview is the sale's own arithmetic: for any rules a manager might type and any basket, what
// previewRules says the edited rules earn is what the next sale earns once they are saved.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesDraftInput } from '../../shared/contract/programme';
import { assertLedgerConsistent, openTestCore, unwrap, type TestCore } from './services.testkit';

let c: TestCore;
let memberId = '';
beforeAll(async () => {
  c = openTestCore();
  unwrap(
    await c.api.configureShop({ shopId: 'pp', shopName: 'Preview', terminalName: 'Till 1', terminalCode: '31016' }),
  );
  memberId = unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'P', phone: '13800138018' })).id;
});
afterAll(() => {
  assertLedgerConsistent(c.db);
  c.dispose();
});

const draft: fc.Arbitrary<RulesDraftInput> = fc.record({
  rounding: fc.constantFrom('floor', 'half-up', 'ceil'),
  base: fc.oneof(
    fc.record({
      kind: fc.constant('perAmount' as const),
      ratio: fc.record({ points: fc.integer({ min: 0, max: 20 }), perMinor: fc.integer({ min: 1, max: 1_000 }) }),
    }),
    fc.integer({ min: 1, max: 50_000 }).map((edge) => ({
      kind: 'ladderAmount' as const,
      bands: [
        { fromMinor: 0, ratio: { points: 1, perMinor: 100 } },
        { fromMinor: edge, ratio: { points: 3, perMinor: 100 } },
      ],
    })),
  ),
  visit: fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({
      kind: fc.constant('perVisit' as const),
      points: fc.integer({ min: 0, max: 50 }),
      minSpendMinor: fc.integer({ min: 0, max: 20_000 }),
    }),
  ),
  tierMultipliersBp: fc.record({ BRONZE: fc.integer({ min: 1, max: 30_000 }) }),
  categoryMultipliersBp: fc.record({ general: fc.integer({ min: 0, max: 30_000 }) }),
  redemption: fc.constant({ pointsPerUnit: 100, unitValueMinor: 100 }),
});

describe('previewRules (property)', () => {
  it('the edited preview is the next sale’s earn once saved; the current one is today’s', async () => {
    await fc.assert(
      fc.asyncProperty(draft, fc.integer({ min: 1, max: 200_000 }), async (rules, amountMinor) => {
        const member = unwrap(await c.api.getMember({ memberId }));
        const basket = { lines: [{ sku: 'S', category: 'general', quantity: 1, unitPriceMinor: amountMinor }] };
        const preview = unwrap(
          await c.api.previewRules({
            rules,
            basket,
            tierCode: member.tier?.code ?? null,
            visitNumber: member.visits + 1,
          }),
        );
        const sale = { memberId, lines: basket.lines };
        expect(preview.current?.points).toBe(unwrap(await c.api.previewSale(sale)).pointsEarned);
        const saved = unwrap(await c.api.saveRules({ requestId: c.ctx.ids.uuid(), rules }));
        const quote = unwrap(await c.api.previewSale(sale));
        expect(quote.pointsEarned).toBe(preview.edited.points);
        expect(quote.ruleVersion).toBe(saved.rules?.version);
        c.clock.advance(1_000);
      }),
      { numRuns: 30 },
    );
  });
});

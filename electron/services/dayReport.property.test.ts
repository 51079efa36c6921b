import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndDispose, openTestShop, unwrap, type TestCore } from './services.testkit';

// Any day's sales and redemptions at the till: the report equals the sums of what each call answered
// (an independent tally kept by the test from the receipts), one day at a time.

const DAY_MS = 86_400_000;

let c: TestCore;
let memberId: string;
let rewardIds: string[];
beforeAll(async () => {
  c = await openTestShop('demo');
  const m = unwrap(await c.api.searchMembers({ query: '王芳' })).members[0];
  if (!m) throw new Error('demo member missing');
  memberId = m.id;
  rewardIds = unwrap(await c.api.listRewards({})).map((r) => r.id);
});
afterAll(() => checkAndDispose(c));

const op = fc.oneof(
  fc.record({
    kind: fc.constant('sale' as const),
    member: fc.boolean(),
    minor: fc.integer({ min: 1, max: 300_000 }),
    spend: fc.constantFrom(0, 0, 100, 500),
  }),
  fc.record({
    kind: fc.constant('redeem' as const),
    reward: fc.nat({ max: 9 }),
    quantity: fc.integer({ min: 1, max: 2 }),
  }),
);

describe('dayReport (property)', () => {
  it('equals the day’s receipts summed by the test', async () => {
    let recorded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        c.clock.advance(DAY_MS); // a day of its own
        const tally = { sales: 0, amount: 0, memberSales: 0, memberAmount: 0, earned: 0, spent: 0, redeemed: 0 };
        let redemptions = 0;
        for (const o of ops) {
          if (o.kind === 'sale') {
            const r = await c.api.recordSale({
              requestId: c.ctx.ids.uuid(),
              memberId: o.member ? memberId : null,
              lines: [{ sku: 'P', category: 'general', quantity: 1, unitPriceMinor: o.minor }],
              ...(o.member ? { pointsToSpend: o.spend } : {}),
            });
            if (!r.ok) continue; // a refused spend writes nothing
            tally.sales += 1;
            tally.amount += r.value.totalMinor;
            if (o.member) {
              tally.memberSales += 1;
              tally.memberAmount += r.value.totalMinor;
            }
            tally.earned += r.value.pointsEarned;
            tally.spent += r.value.pointsSpent;
          } else {
            const rewardId = rewardIds[o.reward % rewardIds.length] ?? '';
            const r = await c.api.redeemReward({
              requestId: c.ctx.ids.uuid(),
              memberId,
              rewardId,
              quantity: o.quantity,
            });
            if (!r.ok) continue;
            redemptions += 1;
            tally.redeemed += r.value.pointsSpent;
          }
        }
        recorded += tally.sales + redemptions;
        const day = unwrap(await c.api.dayReport({}));
        expect(day.sales).toEqual({ count: tally.sales, amountMinor: tally.amount });
        expect(day.memberSales).toEqual({ count: tally.memberSales, amountMinor: tally.memberAmount });
        expect(day.points.earned).toBe(tally.earned);
        expect(day.points.spent).toBe(tally.spent + tally.redeemed);
        expect(day.redemptions.count).toBe(redemptions);
        expect(day.redemptions.points).toBe(tally.redeemed);
        expect(day.redemptions.byReward.reduce((n, r) => n + r.points, 0)).toBe(tally.redeemed);
      }),
      { numRuns: 15 },
    );
    expect(recorded).toBeGreaterThan(15); // the runs did record sales, not only refusals
  });
});

// Issue 15, campaigns offline: each till gives a campaign's points only out of what head office
// granted it, and head office grants only out of what no till holds yet. For any order of sales and
// syncs at three tills, the campaign never gives more than its budget — counted at the tills, and at
// head office once everything is pushed and derived.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { pointsLedger, terminal } from '../../db/schema';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { uuidFrom } from '../../server/testing/records';
import { unwrap } from '../services/services.testkit';
import type { TerminalCore } from '../terminal/terminalCore';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 5, 7, 2, 0, 0);
const DAY = 86_400_000;
const BUDGET = 200;

function campaignPoints(till: TerminalCore, campaignId: string): number {
  const terminalId = till.db.select({ id: terminal.terminalId }).from(terminal).get()?.id ?? '';
  const row = till.db
    .select({ points: sql<number>`coalesce(sum(${pointsLedger.delta}), 0)` })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.campaignId, campaignId), eq(pointsLedger.terminalId, terminalId)))
    .get();
  return row?.points ?? 0;
}

describe.each(testBackends)('a campaign’s budget holds across tills that sync in any order, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 21, shopId: 'shopA', code: '90201' },
    { prefix: 22, shopId: 'shopB', code: '90202' },
    { prefix: 23, shopId: 'shopC', code: '90203' },
  ]);

  it('never gives more than the budget, in total', async () => {
    const { ho } = fixture();
    const tills = [0, 1, 2].map((i) => fixture().till(i));
    const members = await Promise.all(
      tills.map(async (till, i) =>
        unwrap(
          await till.api.registerMember({ requestId: till.ctx.ids.uuid(), name: `M${i}`, phone: `1370013700${i}` }),
        ),
      ),
    );
    let run = 0;
    let givenInAll = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ till: fc.integer({ min: 0, max: 2 }), sync: fc.boolean() }), {
          minLength: 5,
          maxLength: 30,
        }),
        async (steps) => {
          run += 1;
          const id = uuidFrom(9_000 + run);
          await ho.admin.call('upsertCampaign', {
            params: { id },
            body: {
              name: `Spend bonus ${run}`,
              rule: { kind: 'spendBonus', minSpendMinor: 100, points: 30 },
              target: { kind: 'everyone' },
              startsAt: clock.now() - DAY,
              endsAt: clock.now() + 30 * DAY,
              overlap: 'stack',
              budgetPoints: BUDGET,
              perMemberLimit: null,
              holdoutBp: 0,
            },
          });
          await ho.admin.call('publishCampaign', { params: { id } });
          for (const step of steps) {
            const till = tills[step.till];
            const member = members[step.till];
            if (!till || !member) throw new Error('no till');
            if (step.sync) {
              expect(await syncOnce({ db: till.db, clock, owner: `t${step.till}` })).toMatchObject({
                status: 'synced',
              });
              continue;
            }
            const receipt = unwrap(
              await till.api.recordSale({
                requestId: till.ctx.ids.uuid(),
                memberId: member.id,
                lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 1_000 }],
              }),
            );
            for (const b of receipt.campaignBonuses) expect(b.points).toBeLessThanOrEqual(30);
            const given = tills.reduce((sum, t) => sum + campaignPoints(t, id), 0);
            expect(given).toBeLessThanOrEqual(BUDGET);
          }
          for (const [i, till] of tills.entries()) await syncOnce({ db: till.db, clock, owner: `t${i}` });
          await ho.waitDerived();
          const row = (await ho.admin.call('campaigns')).campaigns.find((c) => c.campaign.id === id);
          const atTills = tills.reduce((sum, t) => sum + campaignPoints(t, id), 0);
          expect(row?.spentPoints).toBe(atTills);
          expect(row?.spentPoints ?? 0).toBeLessThanOrEqual(BUDGET);
          givenInAll += atTills;
          expect(row?.grantedPoints ?? 0).toBeLessThanOrEqual(BUDGET);
          // Done with it: the next run's campaign starts from nothing.
          await ho.admin.call('cancelCampaign', { params: { id } });
        },
      ),
      { numRuns: 6 },
    );
    // Not vacuous: the tills did give campaign points (once a sync had brought the campaign and a grant).
    expect(givenInAll).toBeGreaterThan(0);
  }, 300_000);
});

// Issue 15, tiers: a till (offline, from its own rows) and head office (from its ledger) compute the
// same tier and the same re-qualification date for the same member, and a tier a manager sets at
// the till reaches head office. Through real HTTP on loopback and head office's real database.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { TEST_MANAGER, unwrap } from '../services/services.testkit';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);
const DAY = 86_400_000;
const TIERS = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 1000 },
  { code: 'GOLD', name: 'Gold', rank: 3, qualifyPoints: 5000 },
];
const RULES = {
  version: 1000,
  base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
  tierQualification: { measure: 'pointsEarned', window: { kind: 'rollingMonths', months: 3 } },
  redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
};

describe.each(testBackends)('a till and head office agree on a member’s tier, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [{ prefix: 5, shopId: 'shopT', code: '90105' }]);

  it('same tier and date from the same ledger; an override set at the till holds at head office', async () => {
    const { ho } = fixture();
    const till = fixture().till(0);
    await ho.admin.call('publishTiers', { body: { tiers: TIERS } });
    expect((await ho.call('POST', '/admin/rules', { rules: RULES, effectiveFrom: 0 }, ho.adminToken)).status).toBe(200);
    const sync = () => syncOnce({ db: till.db, clock, owner: 't' });
    // Days pass: the till has locked itself; the manager signs in again.
    const later = async (days: number): Promise<void> => {
      clock.advance(days * DAY);
      const choices = unwrap(await till.api.signInChoices({}));
      const manager = choices.find((c) => c.name === TEST_MANAGER.name);
      if (!manager) throw new Error('no manager to sign in');
      unwrap(await till.api.signIn({ staffId: manager.staffId, pin: TEST_MANAGER.pin }));
    };
    expect(await sync()).toMatchObject({ status: 'synced' });
    const member = unwrap(
      await till.api.registerMember({ requestId: till.ctx.ids.uuid(), name: 'Tier', phone: '13700137001' }),
    );
    const sale = (unitPriceMinor: number) =>
      till.api.recordSale({
        requestId: till.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'A', quantity: 1, unitPriceMinor }],
        pointsToSpend: 0,
      });
    unwrap(await sale(60_000));
    await later(20);
    expect(unwrap(await sale(50_000)).tierUpgrade).toMatchObject({ to: { code: 'SILVER' } });
    expect(await sync()).toMatchObject({ status: 'synced' });
    await ho.admin.call('derive');

    const compare = async (): Promise<void> => {
      const atTill = unwrap(await till.api.getMember({ memberId: member.id }));
      const atOffice = await ho.admin.call('memberTier', { params: { id: member.id } });
      expect(atOffice.tierCode).toBe(atTill.tier?.code ?? null);
      expect(atOffice.status).toEqual(atTill.tierStatus);
    };
    await compare();
    await later(100); // past the re-qualification date (3 months after the crossing sale): back to BRONZE
    await compare();
    expect((await ho.admin.call('memberTier', { params: { id: member.id } })).tierCode).toBe('BRONZE');

    const endsAt = clock.now() + 30 * DAY;
    unwrap(await till.api.setMemberTier({ memberId: member.id, tierCode: 'GOLD', reason: 'store opening', endsAt }));
    expect(await sync()).toMatchObject({ status: 'synced' });
    await ho.admin.call('derive');
    const office = await ho.admin.call('memberTier', { params: { id: member.id } });
    expect(office).toMatchObject({ tierCode: 'GOLD', status: { override: { reason: 'store opening', endsAt } } });
    await compare();
  });
});

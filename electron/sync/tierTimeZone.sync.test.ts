// Head office evaluates a member's tier in their home shop's time zone, the one its tills run in
// (named at enrolment): a calendar-year window closes at the shop's midnight, not Shanghai's.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { unwrap } from '../services/services.testkit';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

// 20:00 on 31 December 2025 in Los Angeles: already 1 January 2026 in Shanghai.
const START = Date.UTC(2026, 0, 1, 4, 0, 0);
const TIERS = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 1000 },
];
const RULES = {
  version: 1000,
  base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
  tierQualification: { measure: 'pointsEarned', window: { kind: 'calendarYear' } },
  redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
};

describe.each(testBackends)('head office evaluates tiers in the shop’s zone, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 6, shopId: 'shopLA', code: '90106', timeZone: 'America/Los_Angeles' },
  ]);

  it('the same window and re-qualification date at the till and at head office', async () => {
    const { ho } = fixture();
    const till = fixture().till(0);
    await ho.admin.call('publishTiers', { body: { tiers: TIERS } });
    expect((await ho.call('POST', '/admin/rules', { rules: RULES, effectiveFrom: 0 }, ho.adminToken)).status).toBe(200);
    expect(await syncOnce({ db: till.db, clock, owner: 't' })).toMatchObject({ status: 'synced' });
    const member = unwrap(
      await till.api.registerMember({ requestId: till.ctx.ids.uuid(), name: 'Zone', phone: '13700137002' }),
    );
    unwrap(
      await till.api.recordSale({
        requestId: till.ctx.ids.uuid(),
        memberId: member.id,
        lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 110_000 }],
        pointsToSpend: 0,
      }),
    );
    expect(await syncOnce({ db: till.db, clock, owner: 't' })).toMatchObject({ status: 'synced' });
    await ho.admin.call('derive');
    const atTill = unwrap(await till.api.getMember({ memberId: member.id }));
    const atOffice = await ho.admin.call('memberTier', { params: { id: member.id } });
    expect(atOffice.tierCode).toBe('SILVER');
    expect(atOffice.status).toEqual(atTill.tierStatus);
    // Reached in the shop's 2025: held through 2026, reviewed at Los Angeles' midnight of 1 January 2027.
    expect(atOffice.status.requalifyAt).toBe(Date.UTC(2027, 0, 1, 8, 0, 0));
    expect(atOffice.status.windowStart).toBe(Date.UTC(2025, 0, 1, 8, 0, 0));
  });
});

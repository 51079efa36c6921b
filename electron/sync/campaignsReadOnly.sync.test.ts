import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { errorOf, tableCounts, unwrap } from '../services/services.testkit';
import { useEnrolledTills } from './enrolledTerminal.testkit';

// An enrolled shop's campaigns are head office's: the till lists them read-only (the editor shows
// its note) and refuses the manager's saveCampaign, writing nothing.

const START = Date.UTC(2025, 5, 7, 2, 0, 0);
const DAY = 86_400_000;

describe.each(testBackends)('campaigns at an enrolled till, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [{ prefix: 1, shopId: 'shopA', code: '90001' }]);

  it('are listed as head office’s, and a manager’s save is refused with nothing written', async () => {
    const till = fixture().till(0);
    expect(unwrap(await till.api.listCampaigns({})).atHeadOffice).toBe(true);
    const before = tableCounts(till.db);
    const result = await till.api.saveCampaign({
      spec: {
        name: '周末双倍积分',
        rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [0, 6] },
        target: { kind: 'everyone' },
        startsAt: START - DAY,
        endsAt: START + 30 * DAY,
        overlap: 'stack',
        budgetPoints: 10_000,
        perMemberLimit: null,
        holdoutBp: 0,
      },
      state: 'published',
    });
    expect(errorOf(result).code).toBe('CAMPAIGNS_AT_HEAD_OFFICE');
    expect(tableCounts(till.db)).toEqual(before);
  });
});

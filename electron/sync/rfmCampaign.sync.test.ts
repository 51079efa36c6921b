// Issue 16: an RFM segment as a campaign's target. Head office fixes the segment's members (as the
// statsRfm view scores them) into a `segment` list; the till pulls it and decides at each sale, with
// no call to head office, who the campaign reaches. Hand-computed set: one shop, one day, so every
// buyer's recency score is 5; visits 1, 1, 2, 3, 5 cut at [1, 2, 3, 5] give frequency 2, 2, 3, 4, 5:
// potential, potential, potential, champions, champions. A member who never bought is in no segment.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CampaignInput } from '../../shared/admin/campaignInput';
import { CampaignChange } from '../../shared/sync/protocol';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { uuidFrom } from '../../server/testing/records';
import { unwrap } from '../services/services.testkit';
import type { TerminalCore } from '../terminal/terminalCore';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 5, 7, 2, 0, 0); // 10:00 in Shanghai, 2025-06-07
const DAY = 86_400_000;
const CAMPAIGN = uuidFrom(7_100);
const EMPTY = uuidFrom(7_101);

const spec = (target: z.input<typeof CampaignInput>['target']): z.input<typeof CampaignInput> => ({
  name: 'Champions bonus',
  rule: { kind: 'spendBonus', minSpendMinor: 100, points: 30 },
  target,
  startsAt: START - DAY,
  endsAt: START + 30 * DAY,
  overlap: 'stack',
  budgetPoints: 1_000,
  perMemberLimit: null,
  holdoutBp: 0,
});

async function sell(till: TerminalCore, memberId: string) {
  return unwrap(
    await till.api.recordSale({
      requestId: till.ctx.ids.uuid(),
      memberId,
      lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 1_000 }],
    }),
  );
}

describe.each(testBackends)('an RFM segment as a campaign target, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [{ prefix: 31, shopId: 'shopR', code: '90301' }]);

  it('reaches exactly the segment’s members, fixed at publish, and the till decides offline', async () => {
    const { ho } = fixture();
    const till = fixture().till(0);
    const visits = [1, 1, 2, 3, 5, 0];
    const members = [];
    for (const [i, n] of visits.entries()) {
      const m = unwrap(
        await till.api.registerMember({ requestId: till.ctx.ids.uuid(), name: `R${i}`, phone: `1370013800${i}` }),
      );
      for (let k = 0; k < n; k++) await sell(till, m.id);
      members.push(m.id);
    }
    expect(await syncOnce({ db: till.db, clock, owner: 'r' })).toMatchObject({ status: 'synced' });
    await ho.waitDerived();
    // A minute on (the same day): the what-if's weeks end before now.
    clock.advance(60_000);
    const champions = [members[3], members[4]].sort();

    // An empty segment is refused on the target, nothing stored.
    const empty = await ho.admin.send('upsertCampaign', {
      params: { id: EMPTY },
      body: spec({ kind: 'rfmSegment', segment: 'lost' }),
    });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.details?.issues).toEqual([{ path: 'target', message: 'segment_empty' }]);

    await ho.admin.call('upsertCampaign', {
      params: { id: CAMPAIGN },
      body: spec({ kind: 'rfmSegment', segment: 'champions' }),
    });
    const asOf = '2025-06-07';
    const stored = () => ho.admin.call('campaigns').then((a) => a.campaigns.map((c) => c.campaign));
    expect((await stored()).map((c) => c.id)).toEqual([CAMPAIGN]);
    expect((await stored())[0]?.target).toEqual({
      kind: 'segment',
      memberIds: champions,
      rfm: { segment: 'champions', asOf },
    });

    // The what-if reaches the same two: their 8 sales of the week, 30 points each.
    const whatIf = await ho.admin.call('campaignWhatIf', {
      params: { id: CAMPAIGN },
      query: { weeks: 1 },
      body: spec({ kind: 'rfmSegment', segment: 'champions' }),
    });
    expect(whatIf.total).toMatchObject({ members: 2, sales: 8, bonusPoints: 240 });

    await ho.admin.call('publishCampaign', { params: { id: CAMPAIGN } });
    expect(await syncOnce({ db: till.db, clock, owner: 'r' })).toMatchObject({ status: 'synced' });
    // What the till pulled parses by the pull change (an older till strips `rfm`: its target is the list).
    const published = (await stored())[0];
    expect(CampaignChange.parse({ ...published, kind: 'campaign' }).target).toMatchObject({ memberIds: champions });

    // Offline: each sale is decided at the till from the list it holds.
    const reached = [];
    for (const id of members) {
      const receipt = await sell(till, id);
      if (receipt.campaignBonuses.some((b) => b.campaignId === CAMPAIGN && b.points === 30)) reached.push(id);
    }
    expect(reached.sort()).toEqual(champions);
  }, 60_000);
});

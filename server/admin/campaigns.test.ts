// Head office's campaigns over real HTTP, on PGlite and PostgreSQL: a draft is edited, published
// (the pull carries it) and cancelled; a published one is not edited; a bad campaign is refused with
// nothing written; the list names each status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { fixedClock } from '../../shared/sources';
import type { CampaignSpec } from '../../shared/domain/campaigns/campaign';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';

const T0 = Date.UTC(2025, 2, 1, 2);
const DAY = 86_400_000;
const Count = z.object({ rows: z.array(z.object({ n: z.number() })) });
const WEEKEND: CampaignSpec = {
  name: 'Weekend ×2',
  rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [0, 6] },
  target: { kind: 'tiers', tiers: ['GOLD'] },
  startsAt: T0 + DAY,
  endsAt: T0 + 10 * DAY,
  overlap: 'stack',
  budgetPoints: 50_000,
  perMemberLimit: 500,
  holdoutBp: 1_000,
};

async function written(database: HoDatabase): Promise<number> {
  const result = await database.db.execute(
    sql`SELECT (SELECT count(*) FROM ho_campaigns)::int + (SELECT count(*) FROM ho_changes)::int AS n`,
  );
  return Count.parse(result).rows[0]?.n ?? -1;
}

describe.each(testBackends)('head office campaigns, on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const clock = fixedClock(T0);
  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
  }, 180_000);
  afterAll(async () => {
    await ho.close();
  });

  it('runs the life cycle draft → scheduled → running → ended, or cancelled', async () => {
    const id = uuidFrom(501);
    await ho.admin.call('upsertCampaign', { params: { id }, body: WEEKEND });
    await ho.admin.call('upsertCampaign', { params: { id }, body: { ...WEEKEND, name: 'Weekend double' } });
    const statusOf = async () => (await ho.admin.call('campaigns')).campaigns.find((c) => c.campaign.id === id);
    expect(await statusOf()).toMatchObject({ status: 'draft', campaign: { name: 'Weekend double' } });
    const feedBefore = await written(database);
    await ho.admin.call('publishCampaign', { params: { id } });
    expect(await written(database)).toBe(feedBefore + 1); // one feed entry for the tills
    expect(await statusOf()).toMatchObject({ status: 'scheduled', spentPoints: 0, grantedPoints: 0 });
    clock.set(T0 + 2 * DAY);
    expect((await statusOf())?.status).toBe('running');
    // Published: no more edits.
    const edit = await ho.call('PUT', `/admin/campaigns/${id}`, WEEKEND, ho.adminToken);
    expect(edit.status).toBe(409);
    await ho.admin.call('cancelCampaign', { params: { id } });
    expect((await statusOf())?.status).toBe('cancelled');
    const republish = await ho.call('POST', `/admin/campaigns/${id}/publish`, undefined, ho.adminToken);
    expect(republish.status).toBe(409);
    clock.set(T0 + 20 * DAY);
    const later = uuidFrom(502);
    await ho.admin.call('upsertCampaign', {
      params: { id: later },
      body: { ...WEEKEND, startsAt: T0 + 19 * DAY, endsAt: T0 + 21 * DAY },
    });
    await ho.admin.call('publishCampaign', { params: { id: later } });
    clock.set(T0 + 22 * DAY);
    expect((await ho.admin.call('campaigns')).campaigns.find((c) => c.campaign.id === later)?.status).toBe('ended');
    const unknown = await ho.call('POST', `/admin/campaigns/${uuidFrom(599)}/cancel`, undefined, ho.adminToken);
    expect(unknown.status).toBe(404);
  });

  it.each([
    ['ends before it starts', { endsAt: T0 }],
    ['has a negative multiplier', { rule: { kind: 'multiplier', multiplierBp: -20_000 } }],
    ['has an absurd multiplier', { rule: { kind: 'multiplier', multiplierBp: 10_000_000 } }],
    ['has a negative budget', { budgetPoints: -1 }],
    ['holds out more than half', { holdoutBp: 5_001 }],
    ['makes no stacking choice', { overlap: undefined }],
  ])('refuses a campaign that %s, writing nothing', async (_why, change) => {
    const before = await written(database);
    const answer = await ho.call('PUT', `/admin/campaigns/${uuidFrom(550)}`, { ...WEEKEND, ...change }, ho.adminToken);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION' });
    expect(await written(database)).toBe(before);
  });

  it('keeps a draft with a budget of 0, but refuses to publish it (the till’s rule), writing nothing', async () => {
    const id = uuidFrom(560);
    await ho.admin.call('upsertCampaign', {
      params: { id },
      body: { ...WEEKEND, startsAt: clock.now() + DAY, endsAt: clock.now() + 10 * DAY, budgetPoints: 0 },
    });
    const before = await written(database);
    const answer = await ho.call('POST', `/admin/campaigns/${id}/publish`, undefined, ho.adminToken);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'budgetPoints', message: 'budget_zero' }] },
    });
    expect(await written(database)).toBe(before);
  });
});

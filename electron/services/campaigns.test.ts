import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { ChannelInput, MemberView } from '../../shared/contract';
import type { CampaignSpec } from '../../shared/domain/campaigns/campaign';
import { inHoldout } from '../../shared/domain/campaigns/holdout';
import { MemberRecord, SaleRecord } from '../../shared/sync/records';
import { outbox, pointsLedger } from '../../db/schema';
import {
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

// Campaigns at a shop without head office, on a real SQLite file: the manager makes them, the sale
// and registration apply them offline, each bonus its own ledger row naming the campaign.

const DAY = 86_400_000;
// TEST_START_MS is Sunday 1 June 2025, 10:00 in Shanghai.
let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = await openTestShop();
  member = await registerTestMember(c, { name: '王芳', phone: '13912345678' });
});
afterEach(() => checkAndDispose(c));

const weekend = (over: Partial<CampaignSpec> = {}): CampaignSpec => ({
  name: '周末双倍积分',
  rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [0, 6] },
  target: { kind: 'everyone' },
  startsAt: c.clock.now() - DAY,
  endsAt: c.clock.now() + 30 * DAY,
  overlap: 'stack',
  budgetPoints: 10_000,
  perMemberLimit: null,
  holdoutBp: 0,
  ...over,
});
const publish = async (spec: CampaignSpec) => unwrap(await c.api.saveCampaign({ spec, state: 'published' })).campaign;
const sale = (memberId = member.id): ChannelInput<'recordSale'> => ({
  requestId: c.ctx.ids.uuid(),
  memberId,
  lines: [{ sku: 'SKU-1', name: 'Thing', category: '', quantity: 1, unitPriceMinor: 12_800 }],
});
const campaignRows = (campaignId: string) =>
  c.db.select().from(pointsLedger).where(eq(pointsLedger.campaignId, campaignId)).all();

describe('campaigns at the till', () => {
  it('a weekend multiplier gives its own ledger row, named on the receipt, in the sale’s record', async () => {
    const campaign = await publish(weekend());
    const { requestId: _r, ...previewInput } = sale();
    const preview = unwrap(await c.api.previewSale(previewInput));
    const receipt = unwrap(await c.api.recordSale(sale()));
    expect(receipt.campaignBonuses).toEqual(preview.campaignBonuses);
    expect(receipt.campaignBonuses).toEqual([{ campaignId: campaign.id, name: '周末双倍积分', points: 128 }]);
    expect(receipt.pointsEarned).toBe(256);
    expect(receipt.balanceAfter).toBe(256);
    const rows = c.db.select().from(pointsLedger).where(eq(pointsLedger.saleId, receipt.saleId)).all();
    expect(rows.map((r) => [r.kind, r.delta, r.campaignId])).toEqual([
      ['earn', 128, null],
      ['earn', 128, campaign.id],
    ]);
    const [record] = c.db.select().from(outbox).where(eq(outbox.recordId, receipt.saleId)).all();
    const pushed = SaleRecord.parse(JSON.parse(record?.payloadJson ?? '{}'));
    expect(pushed.ledger.filter((l) => l.campaignId === campaign.id).map((l) => l.delta)).toEqual([128]);
  });

  it('gives nothing on a weekday, or once cancelled', async () => {
    const campaign = await publish(weekend());
    c.clock.advance(DAY); // Monday
    expect(unwrap(await c.api.recordSale(sale())).campaignBonuses).toEqual([]);
    c.clock.advance(5 * DAY); // Saturday
    unwrap(
      await c.api.saveCampaign({
        campaignId: campaign.id,
        spec: weekend({ startsAt: campaign.startsAt, endsAt: campaign.endsAt }),
        state: 'cancelled',
      }),
    );
    expect(unwrap(await c.api.recordSale(sale())).campaignBonuses).toEqual([]);
    expect(campaignRows(campaign.id)).toEqual([]);
  });

  it('holds to the per-member limit and the budget', async () => {
    const campaign = await publish(weekend({ perMemberLimit: 150, budgetPoints: 200 }));
    expect(unwrap(await c.api.recordSale(sale())).campaignBonuses[0]?.points).toBe(128);
    expect(unwrap(await c.api.recordSale(sale())).campaignBonuses[0]?.points).toBe(22);
    expect(unwrap(await c.api.recordSale(sale())).campaignBonuses).toEqual([]);
    const other = await registerTestMember(c, { name: 'Li', phone: '13912345679' });
    expect(unwrap(await c.api.recordSale(sale(other.id))).campaignBonuses[0]?.points).toBe(50);
    expect(unwrap(await c.api.recordSale(sale(other.id))).campaignBonuses).toEqual([]);
    expect(campaignRows(campaign.id).reduce((s, r) => s + r.delta, 0)).toBe(200);
    const listed = unwrap(await c.api.listCampaigns({})).campaigns;
    expect(listed).toMatchObject([{ status: 'running', givenHere: 200, grantedHere: null }]);
  });

  it('best-of campaigns give only the largest; stacking ones add up', async () => {
    await publish(weekend({ name: 'A', overlap: 'bestOf' }));
    await publish(
      weekend({ name: 'B', overlap: 'bestOf', rule: { kind: 'spendBonus', minSpendMinor: 100, points: 500 } }),
    );
    await publish(weekend({ name: 'C', rule: { kind: 'nthVisit', visit: 1, points: 7 } }));
    const names = unwrap(await c.api.recordSale(sale())).campaignBonuses.map((b) => [b.name, b.points]);
    expect(names.sort()).toEqual([
      ['B', 500],
      ['C', 7],
    ]);
  });

  it('a held-out member gets nothing, the others get the bonus', async () => {
    const campaign = await publish(weekend({ holdoutBp: 5_000 }));
    for (let i = 0; i < 8; i++) {
      const m = unwrap(
        await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: `M${i}`, phone: `1391234560${i}` }),
      );
      const bonuses = unwrap(await c.api.recordSale(sale(m.id))).campaignBonuses;
      expect(bonuses.length).toBe(inHoldout(campaign.id, m.id, 5_000) ? 0 : 1);
    }
  });

  it('a signup campaign gives its bonus at registration, in the member’s record', async () => {
    const campaign = await publish(weekend({ name: '新会员礼', rule: { kind: 'signup', points: 88 } }));
    const joined = unwrap(
      await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'New', phone: '13800138000' }),
    );
    expect(joined.balance).toBe(88);
    expect(campaignRows(campaign.id).map((r) => [r.memberId, r.delta, r.kind])).toEqual([[joined.id, 88, 'earn']]);
    const [record] = c.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recordId, joined.id), eq(outbox.recordType, 'member')))
      .all();
    expect(MemberRecord.parse(JSON.parse(record?.payloadJson ?? '{}')).ledger.map((l) => l.campaignId)).toEqual([
      campaign.id,
    ]);
    // A sale gives no signup bonus.
    expect(unwrap(await c.api.recordSale(sale(joined.id))).campaignBonuses).toEqual([]);
  });

  it.each([
    ['ends before it starts', { endsAt: 0 }],
    ['an absurd multiplier', { rule: { kind: 'multiplier' as const, multiplierBp: 5_000_000, weekdays: [] } }],
    ['a negative budget', { budgetPoints: -5 }],
    ['a holdout over half', { holdoutBp: 6_000 }],
  ])('refuses a campaign that %s, writing nothing', async (_why, over) => {
    const before = tableCounts(c.db);
    const result = await c.api.saveCampaign({ spec: weekend(over), state: 'published' });
    expect(errorOf(result).code).toBe('VALIDATION');
    expect(tableCounts(c.db)).toEqual(before);
    expect(c.db.select().from(pointsLedger).where(isNotNull(pointsLedger.campaignId)).all()).toEqual([]);
  });
});

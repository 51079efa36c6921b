import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberView, RewardView } from '../../shared/contract';
import { RedemptionRecord } from '../../shared/sync/records';
import { rewards } from '../../db/schema';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  errorOf,
  openTestCore,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

let c: TestCore;
let member: MemberView;
let catalogue: Map<string, RewardView>;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
  member = unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Tester', phone: '17755123456' }));
  // 2,000 earned at Bronze with the demo rules: ¥2,000 of groceries (+5 visit points).
  unwrap(
    await c.api.recordSale({
      requestId: c.ctx.ids.uuid(),
      memberId: member.id,
      lines: [{ sku: 'G', category: 'grocery', quantity: 1, unitPriceMinor: 199_500 }],
    }),
  );
  catalogue = new Map(unwrap(await c.api.listRewards({ includeInactive: true })).map((r) => [r.code, r]));
});
afterEach(() => {
  assertLedgerConsistent(c.db);
  assertOutboxGapFree(c.db);
  c.dispose();
});

const reward = (code: string): RewardView => {
  const r = catalogue.get(code);
  if (!r) throw new Error(`no reward ${code}`);
  return r;
};
const redeem = (code: string, quantity = 1, memberId = member.id) =>
  c.api.redeemReward({ requestId: c.ctx.ids.uuid(), memberId, rewardId: reward(code).id, quantity });

describe('listRewards', () => {
  it('lists active rewards cheapest first, and inactive ones only when asked', async () => {
    const active = unwrap(await c.api.listRewards({}));
    expect(active.map((r) => r.pointsCost)).toEqual([...active.map((r) => r.pointsCost)].sort((a, b) => a - b));
    expect(active.find((r) => r.code === 'MOONCAKE')).toBeUndefined();
    expect(reward('MOONCAKE').active).toBe(false);
  });
});

describe('redeemReward', () => {
  it('spends the points, takes the stock and queues one redemption record with its ledger row', async () => {
    expect(unwrap(await c.api.getMember({ memberId: member.id })).balance).toBe(2_000);
    const r = unwrap(await redeem('TOTE', 2));
    expect(r).toMatchObject({
      memberId: member.id,
      rewardName: reward('TOTE').name,
      quantity: 2,
      pointsSpent: 1_600,
      balanceAfter: 400,
      stockAfter: 23,
    });
    expect(unwrap(await c.api.listRewards({})).find((x) => x.code === 'TOTE')?.stock).toBe(23);
    const row = c.db.$client
      .prepare("SELECT payload_json AS p FROM outbox WHERE record_type = 'redemption' AND record_id = ?")
      .get(r.redemptionId) as { p: string };
    const record = RedemptionRecord.parse(JSON.parse(row.p));
    expect(record).toMatchObject({ quantity: 2, points: 1_600 });
    expect(record.ledger).toEqual([expect.objectContaining({ kind: 'redeem', delta: -1_600, memberId: member.id })]);
    const page = unwrap(await c.api.memberLedger({ memberId: member.id }));
    expect(page.items[0]).toMatchObject({
      kind: 'redeem',
      delta: -1_600,
      balanceAfter: 400,
      redemptionId: r.redemptionId,
    });
  });

  it('redeems an unlimited reward without touching its stock', async () => {
    expect(unwrap(await redeem('VOUCHER20')).stockAfter).toBeNull();
    expect(unwrap(await c.api.listRewards({})).find((x) => x.code === 'VOUCHER20')?.stock).toBeNull();
  });

  it('refuses with the right code and writes nothing', async () => {
    const before = tableCounts(c.db);
    expect(errorOf(await redeem('UMBRELLA'))).toMatchObject({ code: 'OUT_OF_STOCK', details: { stock: 0 } });
    expect(errorOf(await redeem('THERMOS', 7))).toMatchObject({ code: 'OUT_OF_STOCK', details: { stock: 6 } });
    expect(errorOf(await redeem('MOONCAKE')).code).toBe('REWARD_INACTIVE');
    expect(errorOf(await redeem('MUG', 2))).toEqual({
      code: 'INSUFFICIENT_POINTS',
      details: { balance: 2_000, requested: 2_400 },
    });
    expect(errorOf(await redeem('MUG', 1, c.ctx.ids.uuid())).code).toBe('NOT_FOUND');
    expect(
      errorOf(
        await c.api.redeemReward({ requestId: c.ctx.ids.uuid(), memberId: member.id, rewardId: c.ctx.ids.uuid() }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      errorOf(
        await c.api.redeemReward({
          requestId: c.ctx.ids.uuid(),
          memberId: member.id,
          rewardId: reward('MUG').id,
          quantity: 0,
        }),
      ).code,
    ).toBe('VALIDATION');
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('takes the last items exactly, then refuses', async () => {
    c.db.update(rewards).set({ stock: 2 }).run();
    unwrap(await redeem('CROISSANT', 2));
    expect(errorOf(await redeem('CROISSANT'))).toMatchObject({ code: 'OUT_OF_STOCK', details: { stock: 0 } });
  });
});

// A reward's stock per shop (issue 16), through real HTTP: head office sets shop A's stock to 2; shop
// A's till, offline, gives the two and refuses the third by itself (the count it pulled, less what it
// gave since); shop B's till keeps the reward's own stock. Back online, head office has counted the
// two against shop A's stock and the till pulls what is left.
import { describe, expect, it } from 'vitest';
import type { TerminalCore } from '../terminal/terminalCore';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { uuidFrom } from '../../server/testing/records';
import { syncLink } from '../../db/schemaSync';
import { errorOf, unwrap } from '../services/services.testkit';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';
import { errorMessage } from '../../shared/contract/errorMessages';
import { applyChangeList } from './applyChanges';

const START = Date.UTC(2025, 8, 1, 2, 0, 0);
const MUG = uuidFrom(16_001);
const mug = { code: 'MUG', name: 'Mug', category: 'gift', pointsCost: 1, cashValueMinor: 100, stock: 10, active: true };

describe.each(testBackends)("a reward's stock per shop at the tills, on $name", (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 41, shopId: 'shopA', code: '90401' },
    { prefix: 42, shopId: 'shopB', code: '90402' },
  ]);
  const sync = async (till: TerminalCore) =>
    (await syncOnce({ db: till.db, clock, owner: `test-${till.dbFile}`, requestTimeoutMs: 2_000 })).status;
  /** A member of the till's shop with points to spend. */
  const memberWithPoints = async (till: TerminalCore, phone: string) => {
    const member = unwrap(await till.api.registerMember({ requestId: till.ctx.ids.uuid(), name: 'Stock', phone }));
    const sale = { requestId: till.ctx.ids.uuid(), memberId: member.id };
    unwrap(await till.api.recordSale({ ...sale, lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 10_000 }] }));
    return member.id;
  };
  const redeem = (till: TerminalCore, memberId: string) =>
    till.api.redeemReward({ requestId: till.ctx.ids.uuid(), memberId, rewardId: MUG, quantity: 1 });
  const stockAt = async (till: TerminalCore) => unwrap(await till.api.listRewards({})).find((r) => r.id === MUG)?.stock;

  it('shop A gives its two offline and refuses the third; shop B is unaffected; head office counts them', async () => {
    const { ho } = fixture();
    const [a, b] = [fixture().till(0), fixture().till(1)];
    await ho.admin.call('upsertReward', { params: { id: MUG }, body: mug });
    await ho.admin.call('setRewardShopStock', { params: { id: MUG }, body: { shopId: 'shopA', stock: 2 } });
    expect(await sync(a)).toBe('synced');
    expect(await sync(b)).toBe('synced');
    expect(await stockAt(a)).toBe(2);
    expect(await stockAt(b)).toBe(10);

    // Shop A's till loses head office: it decides alone.
    const url = a.db.select().from(syncLink).get()?.headOfficeUrl ?? '';
    a.db.update(syncLink).set({ headOfficeUrl: 'http://127.0.0.1:9' }).run();
    expect(await sync(a)).toBe('offline');
    const memberA = await memberWithPoints(a, '13700160001');
    expect(unwrap(await redeem(a, memberA)).stockAfter).toBe(1);
    expect(unwrap(await redeem(a, memberA)).stockAfter).toBe(0);
    const refused = errorOf(await redeem(a, memberA));
    expect(refused).toMatchObject({ code: 'OUT_OF_STOCK', details: { stock: 0, requested: 1 } });
    expect(errorMessage('OUT_OF_STOCK', 'en', refused.details)).toBe('Not enough of this reward at this shop: 0 left.');
    expect(errorMessage('OUT_OF_STOCK', 'zh-CN', refused.details)).toBe('该礼品库存不足：本店剩余 0 件。');
    expect(await stockAt(a)).toBe(0);

    // Shop B's till gives from the reward's own stock, untouched by shop A's.
    const memberB = await memberWithPoints(b, '13700160002');
    for (let i = 0; i < 3; i += 1) unwrap(await redeem(b, memberB));
    expect(await stockAt(b)).toBe(7);

    // Back online: head office counts shop A's two against its stock, and every till pulls its own count.
    a.db.update(syncLink).set({ headOfficeUrl: url }).run();
    expect(await sync(a)).toBe('synced');
    expect(await sync(b)).toBe('synced');
    await ho.waitDerived();
    expect(await sync(a)).toBe('synced');
    expect(await sync(b)).toBe('synced');
    const shops = (await ho.admin.call('rewardShopStock', { params: { id: MUG } })).shops;
    expect(shops.find((s) => s.shopId === 'shopA')).toMatchObject({ stock: 2, redeemed: 2, left: 0, oversold: 0 });
    expect(shops.find((s) => s.shopId === 'shopB')).toMatchObject({ set: false, left: 7 });
    expect(await stockAt(a)).toBe(0);
    expect(await stockAt(b)).toBe(7);
    expect(errorOf(await redeem(a, memberA)).code).toBe('OUT_OF_STOCK');

    // More on the shelf: head office sets 3, the till pulls it and gives again.
    await ho.admin.call('setRewardShopStock', { params: { id: MUG }, body: { shopId: 'shopA', stock: 3 } });
    expect(await sync(a)).toBe('synced');
    expect(await stockAt(a)).toBe(3);
    expect(unwrap(await redeem(a, memberA)).stockAfter).toBe(2);
  });

  it("a pull that does not count the till's unsent redemptions yet does not give them back", async () => {
    const { ho } = fixture();
    const a = fixture().till(0);
    const memberA = await memberWithPoints(a, '13700160003');
    // Shop A has 3 set and the till gave 1 (the test above): it gives the last 2 and has not sent them.
    unwrap(await redeem(a, memberA));
    unwrap(await redeem(a, memberA));
    expect(await stockAt(a)).toBe(0);
    // A reward change as head office sends it before it has them: the till takes its unsent two off it.
    const [mugAtHo] = (await ho.admin.call('programme')).rewards.filter((r) => r.id === MUG);
    if (!mugAtHo) throw new Error('no mug at head office');
    applyChangeList(a.db, [{ kind: 'reward', ...mugAtHo, stock: 2 }], clock.now());
    expect(await stockAt(a)).toBe(0);
    expect(await sync(a)).toBe('synced');
    await ho.waitDerived();
    expect(await sync(a)).toBe('synced');
    const shops = (await ho.admin.call('rewardShopStock', { params: { id: MUG } })).shops;
    expect(shops.find((s) => s.shopId === 'shopA')).toMatchObject({ stock: 3, redeemed: 3, left: 0 });
    expect(await stockAt(a)).toBe(0);
  });
});

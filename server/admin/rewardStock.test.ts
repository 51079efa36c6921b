// A reward's stock per shop (issue 16): head office sets each shop's count or unlimited, each shop's
// tills pull only their own, and the redemptions it receives count against their shop's stock; one
// past it is accepted (the sale happened) and shows as oversold. On PGlite and PostgreSQL, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, PullResponse, type PushRecord } from '../../shared/sync/protocol';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, pushRecord, uuidFrom } from '../testing/records';

const T0 = Date.UTC(2025, 2, 1, 2);
const A = uuidFrom(1, 0xa);
const B = uuidFrom(2, 0xb);
const MEMBER = uuidFrom(100);
const MUG = uuidFrom(200);
const DAY = '2025-03-01';
const mug = { code: 'MUG', name: 'Mug', category: 'gift', pointsCost: 500, cashValueMinor: 2_000, active: true };

const redemption = (seq: number, n: number, at: number, quantity = 1): PushRecord =>
  pushRecord(seq, uuidFrom(300 + n), 'redemption', {
    id: uuidFrom(300 + n),
    memberId: MEMBER,
    rewardId: MUG,
    quantity,
    points: 0,
    businessDay: DAY,
    createdAt: at,
    ledger: [],
  });

describe.each(testBackends)("a reward's stock per shop, on $name", (backend) => {
  let ho: Harness;
  let now = T0;
  const tokens: Record<string, string> = {};
  const seqs: Record<string, number> = {};

  async function push(terminalId: string, shopId: string, records: (seq: number) => PushRecord[]): Promise<void> {
    const first = (seqs[terminalId] ?? 0) + 1;
    const batch = records(first);
    seqs[terminalId] = first + batch.length - 1;
    const body = { protocolVersion: PROTOCOL_VERSION, terminalId, shopId, records: batch };
    const pushed = await ho.call('POST', '/sync/v1/push', body, tokens[terminalId]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    await ho.waitDerived();
  }
  async function pulledStock(terminalId: string, shopId: string): Promise<number | null | undefined> {
    const body = { protocolVersion: PROTOCOL_VERSION, terminalId, shopId, cursor: '0:0', limit: 1_000 };
    const pulled = await ho.call('POST', '/sync/v1/pull', body, tokens[terminalId]);
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    const rewards = PullResponse.parse(pulled.body).changes.filter((c) => c.kind === 'reward' && c.id === MUG);
    const last = rewards[rewards.length - 1];
    return last?.kind === 'reward' ? last.stock : undefined;
  }
  const shop = async (shopId: string) =>
    (await ho.admin.call('rewardShopStock', { params: { id: MUG } })).shops.find((s) => s.shopId === shopId);

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), { now: () => now });
    tokens[A] = (await ho.enrol('shopA', '90001', A)).token;
    tokens[B] = (await ho.enrol('shopB', '90002', B)).token;
    await push(A, 'shopA', (seq) => [memberRecord(seq, MEMBER, 1, T0)]);
    await ho.admin.call('upsertReward', { params: { id: MUG }, body: { ...mug, stock: 10 } });
  }, 180_000);
  afterAll(async () => {
    await ho.close(); // closes the database too
  });

  it("lists every shop with the reward's own stock until head office sets one", async () => {
    expect(await ho.admin.call('rewardShopStock', { params: { id: MUG } })).toEqual({
      rewardId: MUG,
      chainStock: 10,
      shops: ['shopA', 'shopB'].map((shopId) => ({
        shopId,
        shopName: `Shop ${shopId}`,
        set: false,
        stock: null,
        redeemed: 0,
        left: 10,
        oversold: 0,
        setAt: null,
      })),
    });
  });

  it("sets shop A's count; shop A's tills pull it, shop B's keep the reward's own stock", async () => {
    now = T0 + 1_000;
    const answer = await ho.admin.call('setRewardShopStock', {
      params: { id: MUG },
      body: { shopId: 'shopA', stock: 2 },
    });
    expect(answer.shops.find((s) => s.shopId === 'shopA')).toMatchObject({ set: true, stock: 2, left: 2, setAt: now });
    expect(await pulledStock(A, 'shopA')).toBe(2);
    expect(await pulledStock(B, 'shopB')).toBe(10);
  });

  it('counts what shop A redeems against its own stock; one past it is accepted and shows as oversold', async () => {
    // The first was made before the count was set: what was on the shelf then no longer had it.
    await push(A, 'shopA', (seq) => [
      redemption(seq, 1, T0 + 500),
      redemption(seq + 1, 2, T0 + 2_000),
      redemption(seq + 2, 3, T0 + 3_000, 2),
    ]);
    expect(await shop('shopA')).toMatchObject({ stock: 2, redeemed: 3, left: -1, oversold: 1 });
    expect(await pulledStock(A, 'shopA')).toBe(0);
    // Neither the reward's own stock nor shop B is touched by shop A's count.
    expect(await shop('shopB')).toMatchObject({ set: false, left: 10, oversold: 0 });
    expect(await pulledStock(B, 'shopB')).toBe(10);
  });

  it("counts shop B's redemptions against the reward's own stock, and unlimited takes any number", async () => {
    await push(B, 'shopB', (seq) => [redemption(seq, 4, T0 + 4_000, 3)]);
    expect(await shop('shopB')).toMatchObject({ set: false, left: 7 });
    expect(await pulledStock(B, 'shopB')).toBe(7);
    now = T0 + 5_000;
    await ho.admin.call('setRewardShopStock', { params: { id: MUG }, body: { shopId: 'shopB', stock: null } });
    await push(B, 'shopB', (seq) => [redemption(seq, 5, T0 + 6_000, 40)]);
    expect(await shop('shopB')).toMatchObject({ set: true, stock: null, redeemed: 40, left: null, oversold: 0 });
    expect(await pulledStock(B, 'shopB')).toBeNull();
    // Setting shop A's count again starts counting afresh.
    await ho.admin.call('setRewardShopStock', { params: { id: MUG }, body: { shopId: 'shopA', stock: 5 } });
    expect(await shop('shopA')).toMatchObject({ stock: 5, redeemed: 0, left: 5, oversold: 0 });
  });

  it('refuses an unknown reward or shop and a bad count, writing nothing', async () => {
    const before = await ho.admin.call('rewardShopStock', { params: { id: MUG } });
    const noShop = await ho.admin.send('setRewardShopStock', {
      params: { id: MUG },
      body: { shopId: 'shopZ', stock: 1 },
    });
    expect(noShop).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
    const noReward = await ho.admin.send('rewardShopStock', { params: { id: uuidFrom(999) } });
    expect(noReward).toMatchObject({ ok: false, status: 404 });
    for (const stock of [-1, 1.5, '3']) {
      const bad = await ho.call('PUT', `/admin/rewards/${MUG}/shop-stock`, { shopId: 'shopA', stock }, ho.adminToken);
      expect(bad, String(stock)).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    }
    expect(await ho.admin.call('rewardShopStock', { params: { id: MUG } })).toEqual(before);
  });
});

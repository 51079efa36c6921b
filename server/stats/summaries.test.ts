import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, pushRecord, saleRecord, uuidFrom } from '../testing/records';
import {
  buyerCells,
  dailyShop,
  ledger,
  memberActivity,
  memberMonth,
  members,
  monthBuyers,
  quarantine,
  refunds,
  sales,
} from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { keptLaterSpend } from './pastDayRfm.testkit';
import { rebuildSummaries } from './rebuildSummaries';

// Shop A runs in Shanghai (head office's default), shop B in New York: T0 is 10:00 on 1 March in
// Shanghai and 21:00 on 28 February in New York, so a ledger row's day depends on its shop's zone.
const T0 = Date.UTC(2025, 2, 1, 2);
const HOUR = 3_600_000;
const A = uuidFrom(1, 0xa);
const B = uuidFrom(2, 0xa);
const M1 = uuidFrom(100);
const M2 = uuidFrom(101);
const S1 = uuidFrom(1001);

const sale = (
  seq: number,
  n: number,
  memberId: string | null,
  total: number,
  earned: number,
  spent: number,
  day: string,
  at: number,
) =>
  saleRecord(seq, {
    saleId: uuidFrom(1000 + n),
    memberId,
    totalMinor: total,
    earned,
    spent,
    ledgerIds: [uuidFrom(2000 + n), uuidFrom(3000 + n)],
    day,
    at,
  });

const adjustment = (seq: number, memberId: string, delta: number, at: number): PushRecord =>
  pushRecord(seq, uuidFrom(seq, 0xd), 'adjustment', {
    id: uuidFrom(seq, 0xd),
    memberId,
    delta,
    reason: 'goodwill',
    note: '',
    createdAt: at,
    ledger: [
      { id: uuidFrom(seq, 0xe), memberId, kind: 'adjust', delta, ruleVersion: null, campaignId: null, createdAt: at },
    ],
    staffId: null,
  });

/** Sale S1 refunded whole at shop B offline: head office settles the amount and reversal rows. */
const refundOfS1 = (seq: number, at: number): PushRecord =>
  pushRecord(seq, uuidFrom(1, 0xc), 'refund', {
    id: uuidFrom(1, 0xc),
    saleId: S1,
    memberId: M1,
    settlement: 'headOffice',
    lines: [{ lineNo: 1, quantity: 1 }],
    amountMinor: null,
    pointsReversed: null,
    pointsReturned: null,
    currency: 'CNY',
    businessDay: '2025-03-01',
    createdAt: at,
    ledger: [],
  });

const atA: PushRecord[] = [
  memberRecord(1, M1, 1, T0),
  // 33.00 paid, 20 points spent, 40 earned.
  sale(2, 1, M1, 3300, 40, 20, '2025-03-01', T0),
  sale(3, 2, null, 1000, 0, 0, '2025-03-01', T0 + 1),
  sale(4, 3, M1, 500, 5, 0, '2025-03-02', T0 + 24 * HOUR),
  // Names a member head office never heard of: quarantined, it counts nowhere.
  sale(5, 4, uuidFrom(999), 700, 7, 0, '2025-03-01', T0),
  adjustment(6, M1, 15, T0 + 2),
];
const atB: PushRecord[] = [
  memberRecord(1, M2, 2, T0),
  sale(2, 5, M2, 2000, 20, 0, '2025-02-28', T0),
  // 16:00 UTC on 1 March is 11:00 in New York.
  refundOfS1(3, T0 + 14 * HOUR),
];

const zero = {
  salesCount: 0,
  salesMinor: 0,
  memberSalesCount: 0,
  memberSalesMinor: 0,
  refundsCount: 0,
  refundsMinor: 0,
  newMembers: 0,
  pointsEarned: 0,
  pointsRedeemed: 0,
  pointsExpired: 0,
  pointsReversed: 0,
  pointsAdjusted: 0,
};

/** YYYY-MM-DD in a zone, by Intl's en-CA format: independent of the deriver's own day function. */
const localDay = (at: number, timeZone: string): string => new Date(at).toLocaleDateString('en-CA', { timeZone });

describe.each(testBackends)('statistics summaries kept by the deriver on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const tokens = new Map<string, string>();
  const clock = fixedClockForTests(T0);
  const zones: Record<string, string> = { shopA: 'Asia/Shanghai', shopB: 'America/New_York' };

  beforeEach(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock, randomIds);
    // Enrolled as tills do, naming their zone (shop A's is head office's default: it names none).
    for (const [terminalId, shopId, code, timeZone] of [
      [A, 'shopA', '90001', undefined],
      [B, 'shopB', '90002', zones.shopB],
    ] as const) {
      const { code: enrolCode } = await ho.admin.call('createEnrolmentCode', {
        body: { shopId, shopName: `Shop ${shopId}`, terminalCode: code },
      });
      const enrolled = await ho.call('POST', syncRoutes.enrol.path, {
        protocolVersion: PROTOCOL_VERSION,
        code: enrolCode,
        terminalId,
        ...(timeZone ? { timeZone } : {}),
      });
      expect(enrolled.status).toBe(200);
      tokens.set(terminalId, String(enrolled.body.token));
    }
  });
  afterEach(async () => {
    await ho.close();
  });

  const push = async (terminalId: string, recs: PushRecord[]) => {
    const res = await ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId, shopId: terminalId === A ? 'shopA' : 'shopB', records: recs },
      tokens.get(terminalId),
    );
    expect(res.status).toBe(200);
    await ho.waitDerived();
  };
  const daily = async () =>
    (await database.db.select().from(dailyShop)).sort((x, y) =>
      `${x.shopId}${x.day}`.localeCompare(`${y.shopId}${y.day}`),
    );
  const activity = async () =>
    (await database.db.select().from(memberActivity)).sort((x, y) => x.memberId.localeCompare(y.memberId));
  const months = async () =>
    (await database.db.select().from(memberMonth)).sort((x, y) =>
      `${x.memberId}${x.month}`.localeCompare(`${y.memberId}${y.month}`),
    );

  const buyers = async () =>
    (await database.db.select().from(monthBuyers)).sort((x, y) => x.month.localeCompare(y.month));

  it('holds the exact figures of a hand-computed day, once, whatever is pushed again', async () => {
    await push(A, atA);
    await push(B, atB);
    const expected = [
      {
        ...zero,
        shopId: 'shopA',
        day: '2025-03-01',
        salesCount: 2,
        salesMinor: 4300,
        memberSalesCount: 1,
        memberSalesMinor: 3300,
        newMembers: 1,
        pointsEarned: 40,
        pointsRedeemed: 20,
        pointsAdjusted: 15,
      },
      {
        ...zero,
        shopId: 'shopA',
        day: '2025-03-02',
        salesCount: 1,
        salesMinor: 500,
        memberSalesCount: 1,
        memberSalesMinor: 500,
        pointsEarned: 5,
      },
      // The member and their sale's points fall on 28 February in New York.
      {
        ...zero,
        shopId: 'shopB',
        day: '2025-02-28',
        salesCount: 1,
        salesMinor: 2000,
        memberSalesCount: 1,
        memberSalesMinor: 2000,
        newMembers: 1,
        pointsEarned: 20,
      },
      // The whole of S1 back: 33.00, its 40 earned points taken back and its 20 spent returned (net 20).
      { ...zero, shopId: 'shopB', day: '2025-03-01', refundsCount: 1, refundsMinor: 3300, pointsReversed: 20 },
    ];
    expect((await database.db.select().from(quarantine)).map((q) => q.seq)).toEqual([5]);
    expect(await daily()).toEqual(expected);
    expect(await activity()).toEqual([
      { memberId: M1, firstDay: '2025-03-01', lastDay: '2025-03-02', visits: 2, spendMinor: 500 },
      { memberId: M2, firstDay: '2025-02-28', lastDay: '2025-02-28', visits: 1, spendMinor: 2000 },
    ]);
    // Per month: M1's March nets 33.00 + 5.00 − the 33.00 refund.
    expect(await months()).toEqual([
      { memberId: M1, month: '2025-03', lastDay: '2025-03-02', visits: 2, spendMinor: 500 },
      { memberId: M2, month: '2025-02', lastDay: '2025-02-28', visits: 1, spendMinor: 2000 },
    ]);
    // A till that lost the answers sends everything again: stored once, counted once.
    await push(A, atA);
    await push(B, atB);
    expect(await daily()).toEqual(expected);
    expect(await activity()).toHaveLength(2);
    expect(await months()).toHaveLength(2);
  });

  it('equals a full recomputation from ho_sales, ho_refunds, ho_ledger and ho_members', async () => {
    await push(A, atA);
    await push(B, atB);
    // Head office's own ledger rows count too: a manager's adjustment (home shop B, the clock's T0).
    await ho.admin.call('adjustPoints', { params: { id: M2 }, body: { delta: 7, reason: 'goodwill' } });
    expect((await daily()).find((d) => d.shopId === 'shopB' && d.day === '2025-02-28')?.pointsAdjusted).toBe(7);
    const recomputed = new Map<string, typeof zero & { shopId: string; day: string }>();
    const row = (shopId: string, day: string) => {
      const key = `${shopId}|${day}`;
      const found = recomputed.get(key) ?? { ...zero, shopId, day };
      recomputed.set(key, found);
      return found;
    };
    for (const s of await database.db.select().from(sales)) {
      const r = row(s.shopId, s.businessDay);
      r.salesCount++;
      r.salesMinor += s.totalMinor;
      if (s.memberId) {
        r.memberSalesCount++;
        r.memberSalesMinor += s.totalMinor;
      }
    }
    for (const f of await database.db.select().from(refunds)) {
      const r = row(f.shopId, f.businessDay);
      r.refundsCount++;
      r.refundsMinor += f.amountMinor;
    }
    for (const l of await database.db.select().from(ledger)) {
      const r = row(l.shopId, localDay(l.createdAt, zones[l.shopId] ?? 'Asia/Shanghai'));
      if (l.kind === 'earn') r.pointsEarned += l.delta;
      else if (l.kind === 'spend' || l.kind === 'redeem') r.pointsRedeemed -= l.delta;
      else if (l.kind === 'expire') r.pointsExpired -= l.delta;
      else if (l.kind === 'reversal') r.pointsReversed -= l.delta;
      else r.pointsAdjusted += l.delta;
    }
    for (const m of await database.db.select().from(members)) {
      const shopId = m.homeShopId ?? '';
      row(shopId, localDay(m.createdAt, zones[shopId] ?? 'Asia/Shanghai')).newMembers++;
    }
    const expected = [...recomputed.values()].sort((x, y) =>
      `${x.shopId}${x.day}`.localeCompare(`${y.shopId}${y.day}`),
    );
    expect(await daily()).toEqual(expected);
    // Every point is in exactly one column: the summaries' net equals the ledger's sum.
    const net = (await daily()).reduce(
      (a, d) => a + d.pointsEarned - d.pointsRedeemed - d.pointsExpired - d.pointsReversed + d.pointsAdjusted,
      0,
    );
    const ledgerSum = (await database.db.select().from(ledger)).reduce((a, l) => a + l.delta, 0);
    expect(net).toBe(ledgerSum);
    // Rebuilt from the rows by SQL alone (zones by PostgreSQL's own tz data): the same tables.
    const kept = { days: await daily(), members: await activity(), months: await months(), buyers: await buyers() };
    // A month's buyers, counted as they appeared, are its member-months with a purchase.
    const counted = new Map<string, number>();
    for (const m of kept.months) if (m.visits > 0) counted.set(m.month, (counted.get(m.month) ?? 0) + 1);
    expect(kept.buyers).toEqual([...counted].sort().map(([month, n]) => ({ month, buyers: n })));
    // The buyers' cells (migration 0021's triggers) are ho_member_activity's rows counted.
    const cellsCounted = new Map<string, number>();
    for (const a of kept.members)
      cellsCounted.set(`${a.lastDay} ${a.visits}`, (cellsCounted.get(`${a.lastDay} ${a.visits}`) ?? 0) + 1);
    const cells = async () =>
      new Map(
        (await database.db.select().from(buyerCells))
          .filter((c) => c.buyers !== 0)
          .map((c) => [`${c.lastDay} ${c.visits}`, c.buyers]),
      );
    expect(await cells()).toEqual(cellsCounted);
    // The later buyers' spend changes (migration 0024), staged and counted once per derivation: as the refill's.
    const laterSpend = await keptLaterSpend(database.db);
    await database.db.transaction(async (tx) => rebuildSummaries(tx));
    expect(await keptLaterSpend(database.db)).toEqual(laterSpend);
    expect({
      days: await daily(),
      members: await activity(),
      months: await months(),
      buyers: await buyers(),
    }).toEqual(kept);
    expect(await cells()).toEqual(cellsCounted);
  });

  it("answers them by the statsDaily route: a range, a shop, the caller's shops only, bad ranges refused", async () => {
    await push(A, atA);
    await push(B, atB);
    const { days } = await ho.admin.call('statsDaily', { query: { from: '2025-03-01', to: '2025-03-01' } });
    expect(days.map((d) => [d.shopId, d.day, d.salesMinor, d.refundsMinor])).toEqual([
      ['shopA', '2025-03-01', 4300, 0],
      ['shopB', '2025-03-01', 0, 3300],
    ]);
    const ofB = await ho.admin.call('statsDaily', { query: { from: '2025-02-01', to: '2025-03-31', shop: 'shopB' } });
    expect(ofB.days.map((d) => d.day)).toEqual(['2025-02-28', '2025-03-01']);
    // The default range is the 30 days up to today (the clock's 1 March): 2 March is still to come.
    expect((await ho.admin.call('statsDaily')).days.map((d) => `${d.shopId} ${d.day}`)).toEqual([
      'shopB 2025-02-28',
      'shopA 2025-03-01',
      'shopB 2025-03-01',
    ]);
    const { token } = await ho.admin.call('createApiToken', {
      body: { label: 'manager of A', role: 'shop_manager', shops: ['shopA'] },
    });
    const asManager = (query: string) => ho.call('GET', `/admin/stats/daily${query}`, undefined, token);
    const own = await asManager('?from=2025-02-01&to=2025-03-31');
    expect(own.status).toBe(200);
    expect((own.body.days as { shopId: string }[]).map((d) => d.shopId)).toEqual(['shopA', 'shopA']);
    expect(await asManager('?from=2025-02-01&to=2025-03-31&shop=shopB')).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    for (const bad of [
      '?from=2025-03-02&to=2025-03-01',
      '?from=2025-02-30&to=2025-03-01',
      '?from=2024-01-01&to=2025-03-01',
      '?to=March',
    ])
      expect(await ho.call('GET', `/admin/stats/daily${bad}`, undefined, ho.adminToken), bad).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION' },
      });
  });
});

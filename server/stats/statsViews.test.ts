import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../shared/domain/rules/ruleSet';
import { rfmSegmentOf, type RfmActivity } from '../../shared/stats/rfm';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import { dailyShop, memberActivity, memberMonth, members, monthBuyers } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';

// The statistics views over a hand-computed set of summaries (the deriver's own figures are proven
// in summaries.test.ts): every number below is worked out in the comments beside it.

const T0 = Date.UTC(2025, 2, 5, 4); // 12:00 on 5 March in Shanghai: "today" for a range left out.

const days = [
  // Before the ranges asked: 10 members, 800 points outstanding.
  {
    shopId: 'shopA',
    day: '2025-01-15',
    salesCount: 5,
    salesMinor: 5000,
    newMembers: 10,
    pointsEarned: 1000,
    pointsRedeemed: 200,
  },
  // ISO week of Mon 3 Feb (3 Feb shop A, Sun 9 Feb shop B).
  {
    shopId: 'shopA',
    day: '2025-02-03',
    salesCount: 4,
    salesMinor: 8000,
    memberSalesCount: 2,
    memberSalesMinor: 6000,
    newMembers: 2,
    pointsEarned: 60,
    pointsRedeemed: 10,
  },
  {
    shopId: 'shopB',
    day: '2025-02-09',
    salesCount: 2,
    salesMinor: 1000,
    memberSalesCount: 1,
    memberSalesMinor: 500,
    newMembers: 3,
    pointsEarned: 5,
    pointsExpired: 40,
  },
  { shopId: 'shopA', day: '2025-02-10', salesCount: 1, salesMinor: 300, pointsAdjusted: -3, pointsReversed: 2 },
  {
    shopId: 'shopB',
    day: '2025-03-02',
    salesCount: 3,
    salesMinor: 3000,
    memberSalesCount: 3,
    memberSalesMinor: 3000,
    newMembers: 5,
    pointsEarned: 30,
    pointsExpired: 6,
  },
];

// Buyers as of 5 March: days since the last purchase 1, 30, 3, 94, 24; M6 first bought after it.
const buyers = [
  {
    memberId: uuidFrom(1),
    home: 'shopA',
    firstDay: '2025-01-10',
    lastDay: '2025-03-04',
    visits: 12,
    spendMinor: 50000,
  },
  { memberId: uuidFrom(2), home: 'shopA', firstDay: '2025-02-03', lastDay: '2025-02-03', visits: 1, spendMinor: 3000 },
  { memberId: uuidFrom(3), home: 'shopB', firstDay: '2025-01-15', lastDay: '2025-03-02', visits: 6, spendMinor: 12000 },
  { memberId: uuidFrom(4), home: 'shopB', firstDay: '2024-10-01', lastDay: '2024-12-01', visits: 4, spendMinor: 9000 },
  { memberId: uuidFrom(5), home: 'shopB', firstDay: '2025-02-09', lastDay: '2025-02-09', visits: 2, spendMinor: 500 },
  { memberId: uuidFrom(6), home: 'shopA', firstDay: '2025-03-10', lastDay: '2025-03-10', visits: 1, spendMinor: 100 },
];

// The same buyers month by month (the sums above); M2's March holds a refund only.
const m = (n: number, month: string, lastDay: string | null, visits: number, spendMinor: number) => ({
  memberId: uuidFrom(n),
  month,
  lastDay,
  visits,
  spendMinor,
});
const buyerMonths = [
  m(1, '2025-01', '2025-01-20', 5, 20000),
  m(1, '2025-02', '2025-02-15', 4, 15000),
  m(1, '2025-03', '2025-03-04', 3, 15000),
  m(2, '2025-02', '2025-02-03', 1, 3500),
  m(2, '2025-03', null, 0, -500),
  m(3, '2025-01', '2025-01-15', 2, 4000),
  m(3, '2025-03', '2025-03-02', 4, 8000),
  m(4, '2024-10', '2024-10-01', 2, 5000),
  m(4, '2024-12', '2024-12-01', 2, 4000),
  m(5, '2025-02', '2025-02-09', 2, 500),
  m(6, '2025-03', '2025-03-10', 1, 100),
];

/**
 * An independent RFM score, counted rather than sorted: the k-th cut is reached when more than
 * floor(k·n/5) values are at most this one.
 */
function countedScore(value: number, all: readonly number[]): number {
  const atMost = all.filter((v) => v <= value).length;
  return 1 + [1, 2, 3, 4].filter((k) => Math.floor((k * all.length) / 5) < atMost).length;
}

describe.each(testBackends)('statistics views on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  let managerOfA: string;
  const clock = fixedClockForTests(T0);
  const ask = (path: string, token: string = ho.adminToken) => ho.call('GET', `/admin/stats/${path}`, undefined, token);

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock, randomIds, { derive: false, notices: false });
    await database.db.insert(dailyShop).values(days);
    await database.db.insert(members).values(
      buyers.map((b, i) => ({
        id: b.memberId,
        name: `Member ${i}`,
        phone: `1380000000${i}`,
        cardNumber: `C${i}`,
        homeShopId: b.home,
        originTerminalId: uuidFrom(9),
        createdAt: T0,
        updatedAt: T0,
      })),
    );
    await database.db.insert(memberActivity).values(buyers.map(({ home: _home, ...activity }) => activity));
    await database.db.insert(memberMonth).values(buyerMonths);
    // As the deriver keeps it (server/stats/summaryUpsert.ts): each month's member-months with a purchase.
    const perMonth = new Map<string, number>();
    for (const b of buyerMonths) if (b.visits > 0) perMonth.set(b.month, (perMonth.get(b.month) ?? 0) + 1);
    await database.db.insert(monthBuyers).values([...perMonth].map(([month, n]) => ({ month, buyers: n })));
    managerOfA = (
      await ho.admin.call('createApiToken', { body: { label: 'manager of A', role: 'shop_manager', shops: ['shopA'] } })
    ).token;
  });
  afterAll(async () => {
    await ho.close();
  });

  it('answers member growth per month and ISO week: new, totals at start and end, growth floored in bp', async () => {
    const byMonth = await ho.admin.call('statsGrowth', {
      query: { from: '2025-02-01', to: '2025-03-05', period: 'month' },
    });
    expect(byMonth.periods).toEqual([
      {
        key: '2025-02-01',
        from: '2025-02-01',
        to: '2025-02-28',
        newMembers: 5,
        membersAtStart: 10,
        membersAtEnd: 15,
        growthBp: 5000,
      },
      // 5 / 15 = 3333.3 bp, floored.
      {
        key: '2025-03-01',
        from: '2025-03-01',
        to: '2025-03-05',
        newMembers: 5,
        membersAtStart: 15,
        membersAtEnd: 20,
        growthBp: 3333,
      },
    ]);
    const byWeek = await ho.admin.call('statsGrowth', {
      query: { from: '2025-02-01', to: '2025-03-05', period: 'week' },
    });
    expect(byWeek.periods.map((p) => [p.key, p.from, p.to, p.newMembers, p.membersAtStart, p.growthBp])).toEqual([
      ['2025-01-27', '2025-02-01', '2025-02-02', 0, 10, 0],
      ['2025-02-03', '2025-02-03', '2025-02-09', 5, 10, 5000],
      ['2025-02-10', '2025-02-10', '2025-02-16', 0, 15, 0],
      ['2025-02-17', '2025-02-17', '2025-02-23', 0, 15, 0],
      ['2025-02-24', '2025-02-24', '2025-03-02', 5, 15, 3333],
      ['2025-03-03', '2025-03-03', '2025-03-05', 0, 20, 0],
    ]);
    // A shop manager sees their own shop's members only (home shop A: 10 before, 2 in February).
    const own = await ask('growth?from=2025-02-01&to=2025-03-05&period=month', managerOfA);
    expect(own.status).toBe(200);
    expect(
      (own.body.periods as { membersAtEnd: number; growthBp: number }[]).map((p) => [p.membersAtEnd, p.growthBp]),
    ).toEqual([
      [12, 2000],
      [12, 0],
    ]);
    // No members before the first day: no rate (null), not 0.
    const first = await ho.admin.call('statsGrowth', {
      query: { from: '2025-01-01', to: '2025-01-31', period: 'month' },
    });
    expect(first.periods).toEqual([
      {
        key: '2025-01-01',
        from: '2025-01-01',
        to: '2025-01-31',
        newMembers: 10,
        membersAtStart: 0,
        membersAtEnd: 10,
        growthBp: null,
      },
    ]);
  });

  it("answers spend per period: average baskets and members' share, floored", async () => {
    const { periods } = await ho.admin.call('statsSpend', {
      query: { from: '2025-02-01', to: '2025-03-05', period: 'month' },
    });
    expect(periods).toEqual([
      {
        key: '2025-02-01',
        from: '2025-02-01',
        to: '2025-02-28',
        salesCount: 7,
        salesMinor: 9300,
        memberSalesCount: 3,
        memberSalesMinor: 6500,
        averageBasketMinor: 1328, // 9300 / 7 = 1328.57
        memberAverageBasketMinor: 2166, // 6500 / 3 = 2166.67
        memberShareCountBp: 4285, // 3 / 7
        memberShareAmountBp: 6989, // 6500 / 9300
        activeMembers: 3, // M1, M2, M5 bought in February (ho_member_month)
        spendPerActiveMemberMinor: 2166,
      },
      {
        key: '2025-03-01',
        from: '2025-03-01',
        to: '2025-03-05',
        salesCount: 3,
        salesMinor: 3000,
        memberSalesCount: 3,
        memberSalesMinor: 3000,
        averageBasketMinor: 1000,
        memberAverageBasketMinor: 1000,
        memberShareCountBp: 10000,
        memberShareAmountBp: 10000,
        // Only 1..5 March of the month: no whole month, no figure.
        activeMembers: null,
        spendPerActiveMemberMinor: null,
      },
    ]);
    // A day without sales has no basket (null).
    const quiet = await ho.admin.call('statsSpend', { query: { from: '2025-02-04', to: '2025-02-04' } });
    expect(quiet.periods[0]).toMatchObject({
      salesCount: 0,
      averageBasketMinor: null,
      memberShareAmountBp: null,
      activeMembers: null,
    });
    // One shop's month: ho_member_month knows no shop, so no active-member figure.
    const ofA = await ho.admin.call('statsSpend', {
      query: { from: '2025-02-01', to: '2025-02-28', shop: 'shopA', period: 'month' },
    });
    expect(ofA.periods.map((p) => [p.memberSalesMinor, p.activeMembers])).toEqual([[6000, null]]);
  });

  it('answers points per period: each movement, outstanding, liability at the redemption value, breakage', async () => {
    const query = { from: '2025-02-01', to: '2025-03-05', period: 'month' } as const;
    // No rules published yet: no redemption value, no liability.
    expect((await ho.admin.call('statsPoints', { query })).periods.map((p) => p.liabilityMinor)).toEqual([null, null]);
    // 100 points are worth 0.30.
    await ho.admin.call('publishRules', {
      body: {
        rules: { ...DEFAULT_RULE_SET, redemption: { ...DEFAULT_RULE_SET.redemption, unitValueMinor: 30 } },
        effectiveFrom: 0,
      },
    });
    const answer = await ho.admin.call('statsPoints', { query });
    expect(answer.redemption).toEqual({ pointsPerUnit: 100, unitValueMinor: 30 });
    expect(answer.periods).toEqual([
      // 800 before; February nets 65 − 10 − 40 − 2 − 3 = 10.
      {
        key: '2025-02-01',
        from: '2025-02-01',
        to: '2025-02-28',
        issued: 65,
        redeemed: 10,
        expired: 40,
        reversed: 2,
        adjusted: -3,
        outstandingAtEnd: 810,
        liabilityMinor: 243,
        breakageBp: 6153,
      },
      // 834 × 30 / 100 = 250.2.
      {
        key: '2025-03-01',
        from: '2025-03-01',
        to: '2025-03-05',
        issued: 30,
        redeemed: 0,
        expired: 6,
        reversed: 0,
        adjusted: 0,
        outstandingAtEnd: 834,
        liabilityMinor: 250,
        breakageBp: 2000,
      },
    ]);
  });

  it('answers shop against shop over a range', async () => {
    const { shops } = await ho.admin.call('statsShops', { query: { from: '2025-02-01', to: '2025-03-05' } });
    expect(shops).toEqual([
      // Active: a purchase 4 Feb..5 Mar by home shop: M1 (A); M3, M5 (B). M2's 3 Feb is one day too early.
      {
        shopId: 'shopA',
        salesCount: 5,
        salesMinor: 8300,
        memberSalesCount: 2,
        memberSalesMinor: 6000,
        memberShareCountBp: 4000,
        memberShareAmountBp: 7228,
        newMembers: 2,
        pointsIssued: 60,
        activeMembers: 1,
      },
      {
        shopId: 'shopB',
        salesCount: 5,
        salesMinor: 4000,
        memberSalesCount: 4,
        memberSalesMinor: 3500,
        memberShareCountBp: 8000,
        memberShareAmountBp: 8750,
        newMembers: 8,
        pointsIssued: 35,
        activeMembers: 2,
      },
    ]);
    const own = await ask('shops?from=2025-02-01&to=2025-03-05', managerOfA);
    expect((own.body.shops as { shopId: string }[]).map((s) => s.shopId)).toEqual(['shopA']);
  });

  it('answers activity as of a day: total, active 30 and 90 days, lifetime visit bands', async () => {
    expect(await ho.admin.call('statsActivity', { query: { asOf: '2025-03-05' } })).toEqual({
      asOf: '2025-03-05',
      membersTotal: 20,
      buyers: 5,
      active30: 3, // M1, M3, M5 (M2 bought 30 days before)
      active90: 4, // and M2 (M4's 1 Dec is 94 days before)
      active30Bp: 1500,
      active90Bp: 2000,
      frequency: [
        { band: '1', members: 1 },
        { band: '2', members: 1 },
        { band: '3-5', members: 1 },
        { band: '6-10', members: 1 },
        { band: '>10', members: 1 },
      ],
    });
    // Left out: as of today, 5 March by the clock.
    expect((await ho.admin.call('statsActivity')).asOf).toBe('2025-03-05');
  });

  it('answers RFM scores and segments, equal to a counted computation and to rfmSegmentOf', async () => {
    const answer = await ho.admin.call('statsRfm', { query: { asOf: '2025-03-05' } });
    expect(answer.thresholds).toEqual({
      recencyDays: [30, 24, 3, 1],
      visits: [2, 4, 6, 12],
      spendMinor: [3000, 9000, 12000, 50000],
    });
    expect(answer.buyers).toBe(5);
    expect([answer.recency, answer.frequency, answer.monetary]).toEqual([
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
    ]);
    // M1 (R5 F5) and M3 (R4 F4) champions, M2 (R2 F1) hibernating, M4 (R1 F3) at risk, M5 (R3 F2) needs attention.
    expect(answer.segments.filter((s) => s.members > 0)).toEqual([
      { segment: 'champions', members: 2 },
      { segment: 'needsAttention', members: 1 },
      { segment: 'atRisk', members: 1 },
      { segment: 'hibernating', members: 1 },
    ]);
    // Each month end scored by its own buyers (worked out by hand: days since, visits, quintile cuts).
    const sized = (segments: { segment: string; members: number }[]) =>
      Object.fromEntries(segments.filter((x) => x.members > 0).map((x) => [x.segment, x.members]));
    const { trend } = await ho.admin.call('statsRfm', { query: { asOf: '2025-03-05', months: 3 } });
    expect(trend.map((t) => [t.month, t.buyers, sized(t.segments)])).toEqual([
      // 31 Jan: M1 (R5 F5), M3 (R4 F2), M4 (R2 F4).
      ['2025-01', 3, { champions: 1, potential: 1, atRisk: 1 }],
      // 28 Feb: M1 (R5 F5), M2 (R3 F1), M3 (R2 F3), M4 (R1 F4), M5 (R4 F3).
      ['2025-02', 5, { champions: 1, potential: 1, needsAttention: 1, atRisk: 2 }],
      // 31 Mar: M1 (R5 F5), M2 (R2 F2), M3 (R4 F5), M4 (R1 F4), M5 (R3 F3), M6 (R5 F2).
      ['2025-03', 6, { champions: 2, potential: 1, needsAttention: 1, atRisk: 1, hibernating: 1 }],
    ]);
    expect(answer.trend).toHaveLength(6);
    const counted: RfmActivity[] = buyers.slice(0, 5);
    const recencyValues = counted.map(
      (b) => -Math.round((Date.parse('2025-03-05') - Date.parse(b.lastDay)) / 86_400_000),
    );
    counted.forEach((b, i) => {
      expect(rfmSegmentOf(b, '2025-03-05', answer.thresholds)).toMatchObject({
        recency: countedScore(recencyValues[i] ?? 0, recencyValues),
        frequency: countedScore(
          b.visits,
          counted.map((c) => c.visits),
        ),
        monetary: countedScore(
          b.spendMinor,
          counted.map((c) => c.spendMinor),
        ),
      });
    });
  });

  it('refuses bad queries (VALIDATION), another shop (403) and member views to a shop manager (403)', async () => {
    for (const bad of [
      'growth?from=2025-03-02&to=2025-03-01',
      'growth?from=2024-01-01&to=2025-03-01',
      'spend?period=year',
      'points?from=2025-02-30',
      'shops?to=March',
      'activity?asOf=2025-13-01',
      'rfm?asOf=2025-03-05&shop=shopA',
      'rfm?months=0',
      'rfm?months=25',
    ])
      expect(await ask(bad), bad).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    for (const path of ['growth?shop=shopB', 'spend?shop=shopB', 'points?shop=shopB', 'shops?shop=shopB'])
      expect(await ask(path, managerOfA), path).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    for (const path of ['activity', 'rfm']) expect((await ask(path, managerOfA)).status, path).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import { dailyShop, memberActivity, memberMonth, members, refunds, sales } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { plainSaleRow } from './pastDayGaps.testkit';

// The activity view "as of" a past day counts each buyer as they stood that day, also one who bought
// again after it (server/admin/stats/laterBuyers.ts). Every figure below is worked out by hand.

const T0 = Date.UTC(2025, 2, 5, 4);
const TILL = uuidFrom(90);

// Each member's purchases (business days); the summaries below are what the deriver keeps of them.
const bought: Record<string, string[]> = {
  A: ['2025-01-10', '2025-02-05', '2025-02-18', '2025-03-02'],
  B: ['2024-12-01', '2025-02-25'],
  C: ['2025-02-10'],
  D: ['2025-02-21'],
  E: ['2024-11-01', '2025-01-25', '2025-02-19', '2025-02-28'],
};
const idOf = (name: string) => uuidFrom(name.charCodeAt(0));
// Every sale is 10.00; E had 5.00 of a sale refunded on 15 Feb.
const REFUND = { name: 'E', day: '2025-02-15', minor: 500 };

function summaries() {
  const activity = [];
  const months = new Map<
    string,
    { memberId: string; month: string; lastDay: string; visits: number; spendMinor: number }
  >();
  for (const [name, days] of Object.entries(bought)) {
    activity.push({
      memberId: idOf(name),
      firstDay: days[0] ?? '',
      lastDay: days[days.length - 1] ?? '',
      visits: days.length,
      spendMinor: days.length * 1000 - (name === REFUND.name ? REFUND.minor : 0),
    });
    for (const day of days) {
      const key = `${name}:${day.slice(0, 7)}`;
      const had = months.get(key);
      months.set(key, {
        memberId: idOf(name),
        month: day.slice(0, 7),
        lastDay: had && had.lastDay > day ? had.lastDay : day,
        visits: (had?.visits ?? 0) + 1,
        spendMinor: (had?.spendMinor ?? 0) + 1000,
      });
    }
  }
  const saleRows = Object.entries(bought).flatMap(([name, days]) =>
    days.map((businessDay, i) =>
      plainSaleRow({
        id: uuidFrom(name.charCodeAt(0) * 100 + i),
        seq: name.charCodeAt(0) * 100 + i,
        terminalId: TILL,
        memberId: idOf(name),
        businessDay,
        createdAt: T0,
      }),
    ),
  );
  const refunded = months.get(`${REFUND.name}:${REFUND.day.slice(0, 7)}`);
  if (refunded) refunded.spendMinor -= REFUND.minor;
  return { activity, months: [...months.values()], saleRows };
}

describe.each(testBackends)('activity as of a past day on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0), randomIds, { derive: false, notices: false });
    await ho.enrol('S', '10001', TILL);
    const { activity, months, saleRows } = summaries();
    // Members first, as derivation has them: the kept counts read each buyer's home shop (migration 0021).
    await database.db.insert(members).values(
      Object.keys(bought).map((name, i) => ({
        id: idOf(name),
        name,
        phone: `1380000000${i}`,
        cardNumber: `C${i}`,
        // D's home is another shop.
        homeShopId: name === 'D' ? 'T' : 'S',
        originTerminalId: TILL,
        createdAt: T0,
        updatedAt: T0,
      })),
    );
    await database.db.insert(memberActivity).values(activity);
    await database.db.insert(memberMonth).values(months);
    await database.db.insert(sales).values(saleRows);
    await database.db.insert(refunds).values({
      id: uuidFrom(999),
      saleId: uuidFrom(REFUND.name.charCodeAt(0) * 100 + 1),
      terminalId: TILL,
      shopId: 'S',
      seq: 999,
      memberId: idOf(REFUND.name),
      settlement: 'terminal',
      amountMinor: REFUND.minor,
      pointsReversed: 0,
      pointsReturned: 0,
      businessDay: REFUND.day,
      createdAt: T0,
    });
    // Five members joined in October; D on 21 February.
    await database.db.insert(dailyShop).values([
      { shopId: 'S', day: '2024-10-01', newMembers: 5 },
      { shopId: 'S', day: '2025-02-05', salesCount: 1 },
      { shopId: 'S', day: '2025-02-21', newMembers: 1 },
    ]);
  });
  afterAll(async () => {
    await ho.close();
  });

  it('mid-month: whole months from ho_member_month, the month so far from the sales', async () => {
    // As of 20 Feb. A: 18 Feb, 3 purchases; B: 1 Dec, 1; C: 10 Feb, 1; D not yet; E: 19 Feb, 3.
    // Active in 30 days (from 22 Jan): A, C, E; in 90 (from 23 Nov): and B. Their latest purchases
    // (3 Mar, 25 Feb, 28 Feb) are after the day: read as the day's, not dropped.
    expect(await ho.admin.call('statsActivity', { query: { asOf: '2025-02-20' } })).toEqual({
      asOf: '2025-02-20',
      membersTotal: 5,
      buyers: 4,
      active30: 3,
      active90: 4,
      active30Bp: 6000,
      active90Bp: 8000,
      frequency: [
        { band: '1', members: 2 },
        { band: '2', members: 0 },
        { band: '3-5', members: 2 },
        { band: '6-10', members: 0 },
        { band: '>10', members: 0 },
      ],
    });
  });

  it("at a month's end: ho_member_month alone", async () => {
    // As of 31 Jan. A: 10 Jan, 1; B: 1 Dec, 1; E: 25 Jan, 2 (C and D had not bought).
    // Active in 30 days (from 2 Jan): A, E; in 90 (from 3 Nov): A, B, E.
    expect(await ho.admin.call('statsActivity', { query: { asOf: '2025-01-31' } })).toMatchObject({
      membersTotal: 5,
      buyers: 3,
      active30: 2,
      active90: 3,
      frequency: [
        { band: '1', members: 2 },
        { band: '2', members: 1 },
        { band: '3-5', members: 0 },
        { band: '6-10', members: 0 },
        { band: '>10', members: 0 },
      ],
    });
  });

  it('after every purchase: the summary as it is', async () => {
    // As of 5 Mar. Latest: A 2 Mar, B 25 Feb, C 10 Feb, D 21 Feb, E 28 Feb; all within 30 days (from 4 Feb).
    expect(await ho.admin.call('statsActivity', { query: { asOf: '2025-03-05' } })).toMatchObject({
      membersTotal: 6,
      buyers: 5,
      active30: 5,
      active90: 5,
      active30Bp: 8333,
      frequency: [
        { band: '1', members: 2 },
        { band: '2', members: 1 },
        { band: '3-5', members: 2 },
        { band: '6-10', members: 0 },
        { band: '>10', members: 0 },
      ],
    });
  });

  it("shop against shop: a shop's active members as they stood on the range's last day", async () => {
    // Home shop S, a purchase 22 Jan..20 Feb as of 20 Feb: A (18 Feb), C (10 Feb), E (19 Feb).
    const { shops } = await ho.admin.call('statsShops', { query: { from: '2025-02-01', to: '2025-02-20' } });
    expect(shops.map((s) => [s.shopId, s.activeMembers])).toEqual([['S', 3]]);
  });

  it('RFM as of 20 Feb: each buyer as they stood that day, the month so far net of its refunds', async () => {
    // Days since, visits, spend: A 2, 3, 30.00; B 81, 1, 10.00; C 10, 1, 10.00; E 1, 3, 25.00 (30.00 − 5.00).
    // Four buyers: cut k is the sorted value at index k − 1.
    const answer = await ho.admin.call('statsRfm', { query: { asOf: '2025-02-20', months: 1 } });
    expect(answer.buyers).toBe(4);
    expect(answer.thresholds).toEqual({
      recencyDays: [81, 10, 2, 1],
      visits: [1, 1, 3, 3],
      spendMinor: [1000, 1000, 2500, 3000],
    });
    // R: A 4, B 2, C 3, E 5. F: A 5, B 3, C 3, E 5. M: A 5, B 3, C 3, E 4.
    expect([answer.recency, answer.frequency, answer.monetary]).toEqual([
      [0, 1, 1, 1, 1],
      [0, 0, 2, 0, 2],
      [0, 0, 2, 1, 1],
    ]);
    // A (R4 F5) and E (R5 F5) champions, B (R2 F3) at risk, C (R3 F3) needs attention.
    expect(answer.segments.filter((x) => x.members > 0)).toEqual([
      { segment: 'champions', members: 2 },
      { segment: 'needsAttention', members: 1 },
      { segment: 'atRisk', members: 1 },
    ]);
  });
});

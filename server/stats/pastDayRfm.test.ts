import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import { members, refunds, sales } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { plainSaleRow } from './pastDayGaps.testkit';
import { keptLaterSpend, refundRow } from './pastDayRfm.testkit';
import { rebuildSummaries } from './rebuildSummaries';

// RFM as of a past day, kept (migration 0024, server/admin/stats/pastDayRfm.ts): a small history worked out by
// hand, written as the deriver writes it (statement by statement, a late sale and refunds among them), the kept
// spend changes, then statsRfm as of past days.

const T0 = Date.UTC(2025, 2, 5, 4);
const TILL = uuidFrom(94);
const idOf = (name: string) => uuidFrom(name.charCodeAt(0) + 10);
let seq = 0;
const sale = (name: string, businessDay: string, total: number) => {
  seq += 1;
  const row = plainSaleRow({
    id: uuidFrom(7000 + seq),
    seq,
    terminalId: TILL,
    memberId: idOf(name),
    businessDay,
    createdAt: T0,
  });
  return { ...row, subtotalMinor: total, totalMinor: total };
};
const refund = (name: string, day: string, amount: number) => {
  seq += 1;
  return refundRow({ serial: seq, terminalId: TILL, memberId: idOf(name), day, amount });
};

describe.each(testBackends)('RFM as of a past day, kept, on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0), randomIds, { derive: false, notices: false });
    await ho.enrol('S', '10005', TILL);
    await database.db.insert(members).values(
      ['A', 'B', 'C'].map((name, i) => ({
        id: idOf(name),
        name,
        phone: `1380000000${i}`,
        cardNumber: `R${i}`,
        homeShopId: 'S',
        originTerminalId: TILL,
        createdAt: T0,
        updatedAt: T0,
      })),
    );
    const db = database.db;
    // A: 1 Feb 10.00 twice, 10 Feb 5.00; B: 5 Feb 30.00; C: 3 Feb 7.00 (C never buys again).
    await db.insert(sales).values([sale('A', '2025-02-01', 1000), sale('A', '2025-02-01', 1000)]);
    await db
      .insert(sales)
      .values([sale('A', '2025-02-10', 500), sale('B', '2025-02-05', 3000), sale('C', '2025-02-03', 700)]);
    // B refunds 10.00 on 8 Feb, between their purchases.
    await db.insert(refunds).values(refund('B', '2025-02-08', 1000));
    await db.insert(sales).values([sale('A', '2025-02-20', 300), sale('B', '2025-02-25', 100)]);
    // A late sale of A's on 15 Feb (its till was offline); refunds after the last purchases: B 5.00, C 2.00.
    await db.insert(sales).values(sale('A', '2025-02-15', 200));
    await db.insert(refunds).values([refund('B', '2025-02-26', 500), refund('C', '2025-02-27', 200)]);
  });
  afterAll(async () => {
    await ho.close();
  });

  it("keeps each later buyer's spend changes per day: +1 where a spend starts, -1 where it ends", async () => {
    // A from 1 Feb to 20 Feb: 20.00, 25.00 from 10 Feb, 27.00 from 15 Feb (the late sale). B from 5 Feb to 25 Feb:
    // 30.00, 20.00 from 8 Feb (the refund); 26 Feb's refund is after their last purchase. C: one purchase day.
    // Buckets of 128: 2000 → 15, 2500 → 19, 2700 → 21, 3000 → 23.
    const { buckets, values } = await keptLaterSpend(database.db);
    expect(buckets.map((r) => [r.day, r.bucket, r.buyers])).toEqual([
      ['2025-02-01', 15, 1],
      ['2025-02-05', 23, 1],
      ['2025-02-08', 15, 1],
      ['2025-02-08', 23, -1],
      ['2025-02-10', 15, -1],
      ['2025-02-10', 19, 1],
      ['2025-02-15', 19, -1],
      ['2025-02-15', 21, 1],
      ['2025-02-20', 21, -1],
      ['2025-02-25', 15, -1],
    ]);
    expect(values.map((r) => [r.spendMinor, r.day, r.buyers])).toEqual([
      [2000, '2025-02-01', 1],
      [2000, '2025-02-08', 1],
      [2000, '2025-02-10', -1],
      [2000, '2025-02-25', -1],
      [2500, '2025-02-10', 1],
      [2500, '2025-02-15', -1],
      [2700, '2025-02-15', 1],
      [2700, '2025-02-20', -1],
      [3000, '2025-02-05', 1],
      [3000, '2025-02-08', -1],
    ]);
  });

  it('scores statsRfm as of past days as the buyers stood then', async () => {
    const kept = await keptLaterSpend(database.db);
    // The deriver's other summaries (ho_member_activity and its counts) from the rows, as at start.
    await database.db.transaction(async (tx) => rebuildSummaries(tx));
    expect(await keptLaterSpend(database.db)).toEqual(kept);
    const rfm = (asOf: string) => ho.admin.call('statsRfm', { query: { asOf, months: 1 } });
    // 12 Feb: A 10 Feb, 3 visits, 25.00; B 5 Feb, 1 visit, 20.00 (8 Feb's refund); C 3 Feb, 1 visit, 5.00 (a
    // settled buyer's spend is ho_member_activity's: 27 Feb's refund included). Cuts at indexes 0, 1, 1, 2.
    // Recency A 5, B 4, C 2; frequency A 5, B 4, C 4; monetary C 2, B 4, A 5: A and B champions, C at risk.
    const twelfth = await rfm('2025-02-12');
    expect(twelfth).toMatchObject({
      buyers: 3,
      thresholds: { recencyDays: [9, 7, 7, 2], visits: [1, 1, 1, 3], spendMinor: [500, 2000, 2000, 2500] },
      recency: [0, 1, 0, 1, 1],
      frequency: [0, 0, 0, 2, 1],
      monetary: [0, 1, 0, 1, 1],
    });
    const sizes = (answer: typeof twelfth) => answer.segments.filter((s) => s.members > 0);
    expect(sizes(twelfth)).toEqual([
      { segment: 'champions', members: 2 },
      { segment: 'atRisk', members: 1 },
    ]);
    // 7 Feb: A 1 Feb, 2 visits, 20.00; B 5 Feb, 1 visit, 30.00 (the refund is tomorrow); C as above.
    // Recency A 2, C 4, B 5; frequency A 5, B and C 4; monetary C 2, A 4, B 5: A at risk, B and C champions.
    const seventh = await rfm('2025-02-07');
    expect(seventh).toMatchObject({
      buyers: 3,
      thresholds: { recencyDays: [6, 4, 4, 2], visits: [1, 1, 1, 2], spendMinor: [500, 2000, 2000, 3000] },
      recency: [0, 1, 0, 1, 1],
      frequency: [0, 0, 0, 2, 1],
      monetary: [0, 1, 0, 1, 1],
    });
    expect(sizes(seventh)).toEqual([
      { segment: 'champions', members: 2 },
      { segment: 'atRisk', members: 1 },
    ]);
    // 2 Feb: A alone (1 Feb, 2 visits, 20.00): every cut is A's.
    expect(await rfm('2025-02-02')).toMatchObject({
      buyers: 1,
      thresholds: { recencyDays: [1, 1, 1, 1], visits: [2, 2, 2, 2], spendMinor: [2000, 2000, 2000, 2000] },
    });
  });

  it('counts a refund and a sale of one buyer derived side by side as if one after the other', async () => {
    // PGlite has one connection: nothing runs side by side there.
    if (backend.name !== 'postgres') return;
    let inserted: () => void = () => undefined;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    // B's refund on 28 Feb is after their last purchase (25 Feb) until the second transaction's sale on 1 Mar:
    // counted apart, neither would see B's spend change on 28 Feb inside their purchases.
    const first = database.db.transaction(async (tx) => {
      await tx.insert(refunds).values(refund('B', '2025-02-28', 300));
      inserted();
      await new Promise((r) => setTimeout(r, 300));
    });
    await firstInserted;
    const second = database.db.transaction(async (tx) => {
      await tx.insert(sales).values(sale('B', '2025-03-01', 400));
    });
    await Promise.all([first, second]);
    const kept = await keptLaterSpend(database.db);
    // B: 20.00 from 8 Feb, 21.00 from 25 Feb (less 26 Feb's 5.00 from then: 16.00), 13.00 from 28 Feb, to 1 Mar.
    expect(kept.values.filter((r) => r.day >= '2025-02-25').map((r) => [r.spendMinor, r.day, r.buyers])).toEqual([
      [1300, '2025-02-28', 1],
      [1300, '2025-03-01', -1],
      [1600, '2025-02-26', 1],
      [1600, '2025-02-28', -1],
      [2000, '2025-02-25', -1],
      [2100, '2025-02-25', 1],
      [2100, '2025-02-26', -1],
    ]);
    await database.db.execute(sql`SELECT ho_later_spend_refill()`);
    expect(await keptLaterSpend(database.db)).toEqual(kept);
  });
});

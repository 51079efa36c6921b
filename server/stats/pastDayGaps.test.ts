import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import { members, refunds, sales } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { keptGaps, plainSaleRow } from './pastDayGaps.testkit';
import { rebuildSummaries } from './rebuildSummaries';

// The kept gaps (migration 0023, server/admin/stats/pastDayGaps.ts): a small history worked out by hand, written
// as the deriver writes it (sales statement by statement, a late one among them), then the views as of past days.

const T0 = Date.UTC(2025, 2, 5, 4);
const TILL = uuidFrom(91);
const idOf = (name: string) => uuidFrom(name.charCodeAt(0));
let seq = 0;
const sale = (name: string, businessDay: string) => {
  seq += 1;
  return plainSaleRow({
    id: uuidFrom(5000 + seq),
    seq,
    terminalId: TILL,
    memberId: idOf(name),
    businessDay,
    createdAt: T0,
  });
};

describe.each(testBackends)('past-day gaps kept on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0), randomIds, { derive: false, notices: false });
    await ho.enrol('S', '10002', TILL);
    await database.db.insert(members).values(
      ['A', 'B'].map((name, i) => ({
        id: idOf(name),
        name,
        phone: `1390000000${i}`,
        cardNumber: `G${i}`,
        homeShopId: 'S',
        originTerminalId: TILL,
        createdAt: T0,
        updatedAt: T0,
      })),
    );
    // A: 1 Feb twice in one statement, 10 Feb; B: 5 Feb. Then A on 20 Feb, B on 25 Feb.
    await database.db.insert(sales).values([sale('A', '2025-02-01'), sale('A', '2025-02-01'), sale('A', '2025-02-10')]);
    await database.db.insert(sales).values(sale('B', '2025-02-05'));
    await database.db.insert(sales).values([sale('A', '2025-02-20'), sale('B', '2025-02-25')]);
    // A late sale of A's on 15 Feb (its till was offline): splits A's gap 10 Feb → 20 Feb.
    await database.db.insert(sales).values(sale('A', '2025-02-15'));
    // B's refund of 25 Feb's sale changes no day and no visit.
    await database.db.insert(refunds).values({
      id: uuidFrom(6000),
      saleId: uuidFrom(5000 + seq - 1),
      terminalId: TILL,
      shopId: 'S',
      seq: 1,
      memberId: idOf('B'),
      settlement: 'terminal',
      amountMinor: 1000,
      pointsReversed: 0,
      pointsReturned: 0,
      businessDay: '2025-02-26',
      createdAt: T0,
    });
  });
  afterAll(async () => {
    await ho.close();
  });

  it('keeps each closed gap: a late sale splits one and adds a visit to the later ones', async () => {
    // A: 1 Feb (2 sales) → 10 Feb (3) → 15 Feb (4) → 20 Feb, open after. B: 5 Feb (1) → 25 Feb, open after.
    const { visits, homes } = await keptGaps(database.db);
    expect(visits.map((g) => [g.lastDay, g.visits, g.nextDay, g.buyers])).toEqual([
      ['2025-02-01', 2, '2025-02-10', 1],
      ['2025-02-10', 3, '2025-02-15', 1],
      ['2025-02-15', 4, '2025-02-20', 1],
      ['2025-02-05', 1, '2025-02-25', 1],
    ]);
    expect(homes.map((g) => [g.homeShopId, g.lastDay, g.nextDay, g.buyers])).toEqual([
      ['S', '2025-02-01', '2025-02-10', 1],
      ['S', '2025-02-10', '2025-02-15', 1],
      ['S', '2025-02-15', '2025-02-20', 1],
      ['S', '2025-02-05', '2025-02-25', 1],
    ]);
  });

  it('answers the views as of past days from the kept summaries and gaps', async () => {
    // The deriver's other summaries (ho_member_activity and its counts) from the rows, as at start.
    await database.db.transaction(async (tx) => rebuildSummaries(tx));
    const asOf = (day: string) => ho.admin.call('statsActivity', { query: { asOf: day } });
    // 16 Feb: A last 15 Feb with 4 sales, B last 5 Feb with 1: both active in 30 days (from 18 Jan).
    expect(await asOf('2025-02-16')).toMatchObject({
      buyers: 2,
      active30: 2,
      active90: 2,
      frequency: [
        { band: '1', members: 1 },
        { band: '2', members: 0 },
        { band: '3-5', members: 1 },
        { band: '6-10', members: 0 },
        { band: '>10', members: 0 },
      ],
    });
    // 3 Feb: A alone (1 Feb, 2 sales).
    expect(await asOf('2025-02-03')).toMatchObject({
      buyers: 1,
      active30: 1,
      frequency: [
        { band: '1', members: 0 },
        { band: '2', members: 1 },
        { band: '3-5', members: 0 },
        { band: '6-10', members: 0 },
        { band: '>10', members: 0 },
      ],
    });
    // 7 Mar: A last 20 Feb (5 sales), B 25 Feb (2): the summary as it is.
    expect(await asOf('2025-03-07')).toMatchObject({ buyers: 2, active30: 2 });
    // 2 Apr: 30 days from 4 Mar: nobody; 90 days: both.
    expect(await asOf('2025-04-02')).toMatchObject({ buyers: 2, active30: 0, active90: 2 });
    const shops = async (from: string, to: string) =>
      (await ho.admin.call('statsShops', { query: { from, to } })).shops.map((s) => [s.shopId, s.activeMembers]);
    // Active members: a purchase in the 30 days up to the range's last day, as it stood then.
    // Up to 3 Feb: A alone (1 Feb). Up to 24 Feb: A (20 Feb) and B, read at 5 Feb though B bought again on 25 Feb.
    expect(await shops('2025-02-01', '2025-02-03')).toEqual([['S', 1]]);
    expect(await shops('2025-02-01', '2025-02-24')).toEqual([['S', 2]]);
    // Up to 20 Mar (from 19 Feb): A (20 Feb) and B (25 Feb); up to 22 Mar (from 21 Feb): B alone.
    expect(await shops('2025-03-01', '2025-03-20')).toEqual([['S', 2]]);
    expect(await shops('2025-03-01', '2025-03-22')).toEqual([['S', 1]]);
  });

  it("counts one buyer's sales derived side by side from two terminals as if one after the other", async () => {
    // PGlite has one connection: nothing runs side by side there.
    if (backend.name !== 'postgres') return;
    let inserted: () => void = () => undefined;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    // The first takes A's row and holds it; the second's insert waits for it, then counts with its sales.
    const first = database.db.transaction(async (tx) => {
      await tx.insert(sales).values(sale('A', '2025-02-12'));
      inserted();
      await new Promise((r) => setTimeout(r, 300));
    });
    await firstInserted;
    const second = database.db.transaction(async (tx) => {
      await tx.insert(sales).values([sale('A', '2025-02-13'), sale('B', '2025-02-14')]);
    });
    await Promise.all([first, second]);
    const kept = await keptGaps(database.db);
    // A: 1 Feb (2) → 10 Feb (3) → 12 Feb (4) → 13 Feb (5) → 15 Feb (6) → 20 Feb; B: 5 Feb (1) → 14 Feb (2) → 25 Feb.
    expect(kept.visits.map((g) => [g.lastDay, g.visits, g.nextDay])).toEqual([
      ['2025-02-01', 2, '2025-02-10'],
      ['2025-02-10', 3, '2025-02-12'],
      ['2025-02-12', 4, '2025-02-13'],
      ['2025-02-05', 1, '2025-02-14'],
      ['2025-02-13', 5, '2025-02-15'],
      ['2025-02-15', 6, '2025-02-20'],
      ['2025-02-14', 2, '2025-02-25'],
    ]);
    await database.db.execute(sql`SELECT ho_sales_gaps_refill()`);
    expect(await keptGaps(database.db)).toEqual(kept);
  });

  it('keeps what rebuildSummaries makes again', async () => {
    const kept = await keptGaps(database.db);
    await database.db.transaction(async (tx) => rebuildSummaries(tx));
    expect(await keptGaps(database.db)).toEqual(kept);
  });
});

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/admin/stats';
import { laterBuyersAsOf } from '../admin/stats/laterBuyers';
import { laterBuyersByHomeShop, laterBuyersCounted } from '../admin/stats/pastDayGaps';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import { members, refunds, sales } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { keptGaps, plainSaleRow } from './pastDayGaps.testkit';

// The kept gaps (migration 0023) after random histories written statement by statement (late sales among them,
// refunds beside them) answer every past day as THE ORACLE does: laterBuyers.ts, which reads each later buyer's
// months and sales; and they equal the gaps the refill (rebuildSummaries) makes from the rows.

const T0 = Date.UTC(2025, 2, 5, 4);
const TILL = uuidFrom(92);
const DAY0 = '2025-01-01';
const HOMES = ['S', 'T', null] as const;
const memberId = (m: number) => uuidFrom(700 + m);
const bandOf = (visits: number): number => (visits <= 2 ? visits - 1 : visits <= 5 ? 2 : visits <= 10 ? 3 : 4);

const history = fc.record({
  homes: fc.array(fc.constantFrom(...HOMES), { minLength: 5, maxLength: 5 }),
  sales: fc.array(fc.record({ m: fc.nat(4), d: fc.nat(40) }), { maxLength: 30 }),
  batches: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 30 }),
  refunds: fc.array(fc.record({ m: fc.nat(4), d: fc.nat(40) }), { maxLength: 4 }),
});

let serial = 0;
const saleRow = (m: number, d: number) => {
  serial += 1;
  return plainSaleRow({
    id: `p-sale-${serial}`,
    seq: serial,
    terminalId: TILL,
    memberId: memberId(m),
    businessDay: addDays(DAY0, d),
    createdAt: T0,
  });
};

describe.each(testBackends)('past-day gaps against every later buyer read on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0), randomIds, { derive: false, notices: false });
    await ho.enrol('S', '10003', TILL);
  });
  afterAll(async () => {
    await ho.close();
  });

  it('answers as the later buyers read, and as the refill makes them', async () => {
    const db = database.db;
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        // ho_sales has no delete trigger: the kept gaps are emptied with it.
        for (const table of ['ho_sales', 'ho_refunds', 'ho_visit_gaps', 'ho_home_gaps', 'ho_member_month'])
          await db.execute(sql.raw(`DELETE FROM ${table}`));
        await db.execute(sql`DELETE FROM ho_member_activity`);
        for (let m = 0; m < HOMES.length + 2; m += 1)
          await db.execute(sql`DELETE FROM ho_members WHERE id = ${memberId(m)}`);
        const homed = h.homes.flatMap((home, m) => (home === null ? [] : [{ m, home }]));
        if (homed.length > 0)
          await db.insert(members).values(
            homed.map(({ m, home }) => ({
              id: memberId(m),
              name: `P${m}`,
              phone: `1370000000${m}`,
              cardNumber: `P${m}`,
              homeShopId: home,
              originTerminalId: TILL,
              createdAt: T0,
              updatedAt: T0,
            })),
          );
        // The sales statement by statement, in the order drawn: a day before one already kept is a late sale.
        let at = 0;
        for (const size of [...h.batches, h.sales.length]) {
          const batch = h.sales.slice(at, at + size);
          at += size;
          if (batch.length > 0) await db.insert(sales).values(batch.map((s) => saleRow(s.m, s.d)));
        }
        for (const r of h.refunds) {
          serial += 1;
          await db.insert(refunds).values({
            id: `p-refund-${serial}`,
            saleId: 'p-none',
            terminalId: TILL,
            shopId: 'S',
            seq: serial,
            memberId: memberId(r.m),
            settlement: 'terminal',
            amountMinor: 300,
            pointsReversed: 0,
            pointsReturned: 0,
            businessDay: addDays(DAY0, r.d),
            createdAt: T0,
          });
        }
        // The oracle's inputs, as rebuildSummaries makes them from the rows.
        await db.execute(sql`INSERT INTO ho_member_activity (member_id, first_day, last_day, visits, spend_minor)
          SELECT member_id, min(business_day), max(business_day), count(*), sum(total_minor) FROM ho_sales
          GROUP BY member_id`);
        await db.execute(sql`INSERT INTO ho_member_month (member_id, month, last_day, visits, spend_minor)
          SELECT member_id, month, max(last_day), sum(visits), sum(spend) FROM (
            SELECT member_id, substr(business_day, 1, 7), business_day, 1, total_minor FROM ho_sales
            UNION ALL
            SELECT member_id, substr(business_day, 1, 7), NULL, 0, -amount_minor FROM ho_refunds
          ) AS r(member_id, month, last_day, visits, spend) GROUP BY member_id, month`);
        for (let d = -1; d <= 42; d += 3) {
          const asOf = addDays(DAY0, d);
          const later = await laterBuyersAsOf(db, asOf);
          const bands = [0, 0, 0, 0, 0];
          for (const b of later) bands[bandOf(b.visits)] = (bands[bandOf(b.visits)] ?? 0) + 1;
          expect(await laterBuyersCounted(db, asOf)).toEqual({
            buyers: later.length,
            active30: later.filter((b) => b.lastDay >= addDays(asOf, -29)).length,
            active90: later.filter((b) => b.lastDay >= addDays(asOf, -89)).length,
            bands,
          });
          const from = addDays(asOf, -9);
          const byHome = new Map<string, number>();
          for (const b of later) {
            const home = h.homes.find((_, m) => memberId(m) === b.memberId);
            if (b.lastDay >= from && home !== undefined && home !== null) byHome.set(home, (byHome.get(home) ?? 0) + 1);
          }
          const kept = await laterBuyersByHomeShop(db, from, asOf, null);
          expect(new Map(kept.map((k) => [k.shopId, k.n]))).toEqual(byHome);
        }
        const kept = await keptGaps(db);
        await db.execute(sql`SELECT ho_sales_gaps_refill()`);
        expect(await keptGaps(db)).toEqual(kept);
      }),
      { numRuns: 40 },
    );
    // Each sale statement also counts the later buyers' spend changes now (migration 0024): slower under load.
  }, 120_000);
});

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/admin/stats';
import { groupedBuyers, listedBuyers, settledBuyers } from '../admin/stats/buyerSources';
import { laterBuyersAsOf } from '../admin/stats/laterBuyers';
import { pastDayBuyers } from '../admin/stats/pastDayRfm';
import { scoreBuyers } from '../admin/stats/rfmScores';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import { refunds, sales } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { keptLaterSpend, refundRow } from './pastDayRfm.testkit';
import { plainSaleRow } from './pastDayGaps.testkit';
import { rebuildSummaries } from './rebuildSummaries';

// RFM as of a past day from kept counts (migration 0024, pastDayRfm.ts) after random histories written statement
// by statement (late sales, refunds before, between and after a buyer's sales, a member with refunds only; or
// staged and counted once per transaction, as a derivation writes them) scores as THE OLD WAY does: settledBuyers
// grouped plus every later buyer read one by one (laterBuyers.ts); and the changes kept by the triggers equal
// those the refill (rebuildSummaries) makes from the rows.

const T0 = Date.UTC(2025, 2, 5, 4);
const TILL = uuidFrom(93);
const DAY0 = '2025-01-01';
const memberId = (m: number) => uuidFrom(800 + m);
// Crowds of equal spends, spends on a bucket's edge (128 minor units) and spread ones.
const amount = fc.oneof(fc.constantFrom(1000, 128, 127, 256), fc.integer({ min: 1, max: 4000 }));

// Days dense (a refund between two purchase days of one buyer written before the second) or spread.
const dayOf = fc.oneof(fc.nat(8), fc.nat(30));

const history = fc.record({
  sales: fc.array(fc.record({ m: fc.nat(5), d: dayOf, total: amount }), { maxLength: 28 }),
  batches: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 28 }),
  // m = 6 never buys: a member with refunds only. `after`: the sale statement the refund follows.
  refunds: fc.array(fc.record({ m: fc.nat(6), d: dayOf, amount, after: fc.nat(8) }), { maxLength: 10 }),
  days: fc.array(fc.integer({ min: -1, max: 32 }), { minLength: 1, maxLength: 4 }),
  // As a derivation writes them (bulkApply.ts): each sale statement and its refunds staged, counted once.
  deferred: fc.boolean(),
});

let serial = 0;
const saleRow = (m: number, d: number, total: number) => {
  serial += 1;
  const row = plainSaleRow({
    id: `r-sale-${serial}`,
    seq: serial,
    terminalId: TILL,
    memberId: memberId(m),
    businessDay: addDays(DAY0, d),
    createdAt: T0,
  });
  return { ...row, subtotalMinor: total, totalMinor: total };
};

describe.each(testBackends)('RFM as of a past day, kept, on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0), randomIds, { derive: false, notices: false });
    await ho.enrol('S', '10004', TILL);
  });
  afterAll(async () => {
    await ho.close();
  });

  it('scores as every later buyer read one by one, and keeps what the refill makes', async () => {
    const db = database.db;
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        // ho_sales and ho_refunds have no delete trigger: the kept tables are emptied with them.
        for (const table of ['ho_sales', 'ho_refunds', 'ho_visit_gaps', 'ho_home_gaps', 'ho_later_spend'])
          await db.execute(sql.raw(`DELETE FROM ${table}`));
        await db.execute(sql`DELETE FROM ho_later_spend_values`);
        // Sales statement by statement in the order drawn (a day before one kept is a late sale), refunds between.
        let at = 0;
        const statements = [...h.batches, h.sales.length];
        for (const [i, size] of statements.entries()) {
          const batch = h.sales.slice(at, at + size);
          at += size;
          await db.transaction(async (tx) => {
            if (h.deferred) await tx.execute(sql`SELECT set_config('tillcard.later_spend_deferred', 'on', true)`);
            if (batch.length > 0) await tx.insert(sales).values(batch.map((s) => saleRow(s.m, s.d, s.total)));
            for (const r of h.refunds.filter((x) => Math.min(x.after, statements.length - 1) === i)) {
              serial += 1;
              const row = refundRow({
                serial,
                terminalId: TILL,
                memberId: memberId(r.m),
                day: addDays(DAY0, r.d),
                ...r,
              });
              await tx.insert(refunds).values(row);
            }
            if (h.deferred) await tx.execute(sql`SELECT ho_later_spend_flush()`);
          });
        }
        const kept = await keptLaterSpend(db);
        // ho_member_activity, ho_member_month and the gaps from the rows, as at start; the refill again.
        await db.transaction(async (tx) => rebuildSummaries(tx));
        expect(await keptLaterSpend(db)).toEqual(kept);
        // A member with refunds only has a row when a refund derives before any sale (summaryUpsert.ts).
        await db.execute(sql`INSERT INTO ho_member_activity (member_id, first_day, last_day, visits, spend_minor)
          SELECT member_id, min(business_day), min(business_day), 0, -sum(amount_minor) FROM ho_refunds
          WHERE member_id NOT IN (SELECT member_id FROM ho_sales) GROUP BY member_id`);
        for (const d of h.days) {
          const asOf = addDays(DAY0, d);
          const later = await laterBuyersAsOf(db, asOf);
          const oldWay = await scoreBuyers(db, [groupedBuyers(settledBuyers(asOf)), listedBuyers(later)], asOf);
          expect(await scoreBuyers(db, [pastDayBuyers(asOf)], asOf)).toEqual(oldWay);
        }
      }),
      { numRuns: backend.name === 'pglite' ? 20 : 12 },
    );
  }, 120_000);
});

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthEnd } from '../admin/stats/memberViews';
import { rfmTrend, segmentCounts } from '../admin/stats/rfmTrend';
import { rfmSegments, type RfmActivity } from '../../shared/stats/rfm';
import { testBackends } from '../testing/databases';
import type { HoDatabase } from '../store/connect';
import { memberMonth } from '../store/schema';
import { addToSummaries } from './summaryUpsert';
import type { SummarySource } from './summaryDeltas';

// The kept RFM trend (server/admin/stats/rfmTrend.ts) against one computed afresh from ho_member_month,
// after any sequence of batches written by the deriver's own summary writer, in any order of days (late
// ones included), with the view asked between some of them.

const MONTHS = ['2025-01', '2025-02', '2025-03'].map((month) => ({ month, end: monthEnd(`${month}-01`) }));
const day = fc.constantFrom('2025-01-05', '2025-01-31', '2025-02-01', '2025-02-14', '2025-03-01', '2025-03-20');
const member = fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5');
const batch = fc.record({
  sales: fc.array(
    fc.record({
      shopId: fc.constantFrom('shopA', 'shopB'),
      businessDay: day,
      memberId: member,
      totalMinor: fc.nat(9_000),
    }),
    { maxLength: 4 },
  ),
  refunds: fc.array(
    fc.record({ shopId: fc.constant('shopA'), businessDay: day, memberId: member, amountMinor: fc.nat(2_000) }),
    { maxLength: 2 },
  ),
  ask: fc.boolean(),
});

/** The trend from ho_member_month alone: each month end's buyers summed and scored. */
async function afresh(database: HoDatabase) {
  const rows = await database.db.select().from(memberMonth);
  return MONTHS.map(({ month, end }) => {
    const byMember = new Map<string, RfmActivity & { bought: boolean }>();
    for (const r of rows.filter((x) => x.month <= month)) {
      const had = byMember.get(r.memberId) ?? { lastDay: '', visits: 0, spendMinor: 0, bought: false };
      const last = r.lastDay !== null && r.lastDay > had.lastDay ? r.lastDay : had.lastDay;
      byMember.set(r.memberId, {
        lastDay: last,
        visits: had.visits + r.visits,
        spendMinor: had.spendMinor + r.spendMinor,
        bought: had.bought || r.lastDay !== null,
      });
    }
    const buyers = [...byMember.values()].filter((b) => b.bought);
    const counts = segmentCounts(buyers, end);
    return {
      month,
      buyers: buyers.length,
      segments: rfmSegments.map((segment, i) => ({ segment, members: counts[i] ?? 0 })),
    };
  });
}

describe('the kept RFM trend', () => {
  let database: HoDatabase;
  beforeAll(async () => {
    const pglite = testBackends.find((b) => b.name === 'pglite');
    if (!pglite) throw new Error('no PGlite backend');
    database = await pglite.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('equals the trend computed afresh after any batches, late ones included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 6 }), async (batches) => {
        await database.db
          .execute(sql`TRUNCATE ho_daily_shop, ho_member_activity, ho_member_month, ho_rfm_month, ho_month_buyers,
          ho_buyer_cells, ho_buyer_spend, ho_buyer_home_days`);
        for (const b of batches) {
          const src: SummarySource = { sales: b.sales, refunds: b.refunds, ledger: [], newMembers: [] };
          await database.db.transaction(async (tx) => addToSummaries(tx, src));
          if (b.ask) expect(await rfmTrend(database.db, MONTHS)).toEqual(await afresh(database));
        }
        expect(await rfmTrend(database.db, MONTHS)).toEqual(await afresh(database));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

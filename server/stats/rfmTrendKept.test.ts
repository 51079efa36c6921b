import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, pushRecord, saleRecord, uuidFrom } from '../testing/records';
import { rfmMonth } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { rebuildSummaries } from './rebuildSummaries';

// The RFM trend's kept month ends (server/admin/stats/rfmTrend.ts) under late offline records: a month is
// computed again exactly when a record lands in it or before it, through the deriver. Every figure is
// worked out by hand in the comments (days since the last purchase, visits, quintile cuts at index
// floor(k·n/5), the segment table of shared/stats/rfm.ts).

const T0 = Date.UTC(2025, 2, 5, 4); // 5 March in Shanghai: January and February are closed months.
const TILL = uuidFrom(1, 0xa);
const [M1, M2, M3] = [uuidFrom(100), uuidFrom(101), uuidFrom(102)];

const sale = (seq: number, memberId: string, day: string): PushRecord =>
  saleRecord(seq, {
    saleId: uuidFrom(1000 + seq),
    memberId,
    totalMinor: 1000,
    earned: 0,
    spent: 0,
    ledgerIds: [uuidFrom(2000 + seq), uuidFrom(3000 + seq)],
    day,
    at: T0,
  });

/** The sale of `saleSeq` refunded whole, recorded late on `day`. */
const refund = (seq: number, saleSeq: number, memberId: string, day: string): PushRecord =>
  pushRecord(seq, uuidFrom(seq, 0xc), 'refund', {
    id: uuidFrom(seq, 0xc),
    saleId: uuidFrom(1000 + saleSeq),
    memberId,
    settlement: 'headOffice',
    lines: [{ lineNo: 1, quantity: 1 }],
    amountMinor: null,
    pointsReversed: null,
    pointsReturned: null,
    currency: 'CNY',
    businessDay: day,
    createdAt: T0,
    ledger: [],
  });

type Sized = [string, number, Record<string, number>];

describe.each(testBackends)('the RFM trend kept per month on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  let token = '';

  beforeEach(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(T0), randomIds);
    const { code } = await ho.admin.call('createEnrolmentCode', {
      body: { shopId: 'shopA', shopName: 'Shop A', terminalCode: '90001' },
    });
    const enrolled = await ho.call('POST', syncRoutes.enrol.path, {
      protocolVersion: PROTOCOL_VERSION,
      code,
      terminalId: TILL,
    });
    expect(enrolled.status).toBe(200);
    token = String(enrolled.body.token);
  });
  afterEach(async () => {
    await ho.close();
  });

  const push = async (records: PushRecord[]) => {
    const res = await ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId: TILL, shopId: 'shopA', records },
      token,
    );
    expect(res.status).toBe(200);
    await ho.waitDerived();
  };
  const trend = async (): Promise<Sized[]> =>
    (await ho.admin.call('statsRfm', { query: { asOf: '2025-03-05', months: 3 } })).trend.map((t) => [
      t.month,
      t.buyers,
      Object.fromEntries(t.segments.filter((s) => s.members > 0).map((s) => [s.segment, s.members])),
    ]);
  const kept = async () =>
    (await database.db.select().from(rfmMonth))
      .sort((x, y) => x.month.localeCompare(y.month))
      .map((k) => [k.month, k.stamp, k.buyers]);

  it('computes again only the months from a late record on; a refund moves the stamp alone', async () => {
    await push([
      memberRecord(1, M1, 1, T0),
      memberRecord(2, M2, 2, T0),
      memberRecord(3, M3, 3, T0),
      sale(4, M1, '2025-01-10'),
      sale(5, M1, '2025-02-20'),
      sale(6, M2, '2025-02-05'),
      sale(7, M3, '2025-03-01'),
    ]);
    expect(await trend()).toEqual([
      // 31 Jan: M1 alone (21 days, 1 visit) reaches every cut: R5 F5.
      ['2025-01', 1, { champions: 1 }],
      // 28 Feb, cuts at index 0, 0, 1, 1: M1 (8 days, 2 visits) R5 F5, M2 (23 days, 1) R3 F3.
      ['2025-02', 2, { champions: 1, needsAttention: 1 }],
      // 31 Mar, cuts at index 0, 1, 1, 2 (days 54, 39, 39, 30; visits 1, 1, 1, 2):
      // M1 (39, 2) R4 F5, M2 (54, 1) R2 F4, M3 (30, 1) R5 F4.
      ['2025-03', 3, { champions: 2, atRisk: 1 }],
    ]);
    // Stamps: the member sales counted up to each month's end (1; +2 in February; +1 in March).
    expect(await kept()).toEqual([
      ['2025-01', 1, 1],
      ['2025-02', 3, 2],
      ['2025-03', 4, 3],
    ]);

    // A mark on January's kept row shows which months are computed again.
    await database.db.update(rfmMonth).set({ buyers: 99 }).where(eq(rfmMonth.month, '2025-01'));
    // Late from offline: M3 bought on 25 February, a closed month.
    await push([sale(8, M3, '2025-02-25')]);
    expect(await trend()).toEqual([
      // January's stamp stands: read as kept, not computed.
      ['2025-01', 99, { champions: 1 }],
      // 28 Feb (days 23, 8, 3; visits 1, 1, 2): M1 (8, 2) R4 F5, M2 (23, 1) R2 F4, M3 (3, 1) R5 F4.
      ['2025-02', 3, { champions: 2, atRisk: 1 }],
      // 31 Mar (days 54, 39, 39, 30; visits 1, 2, 2, 2): M1 R4 F5, M2 R2 F2, M3 (30, 2) R5 F5.
      ['2025-03', 3, { champions: 2, hibernating: 1 }],
    ]);
    expect(await kept()).toEqual([
      ['2025-01', 1, 99],
      ['2025-02', 4, 3],
      ['2025-03', 5, 3],
    ]);

    // Late again: M2 bought on 20 January; every month from January on is computed again.
    await push([sale(9, M2, '2025-01-20')]);
    const afterBoth: Sized[] = [
      // 31 Jan (days 21, 21, 11, 11; visits all 1): M1 (21) R3 F5, M2 (11) R5 F5.
      ['2025-01', 2, { champions: 1, loyal: 1 }],
      // 28 Feb (days 23, 8, 8, 3; visits 1, 2, 2, 2): M1 (8, 2) R4 F5, M2 (23, 2) R2 F5, M3 (3, 1) R5 F2.
      ['2025-02', 3, { champions: 1, potential: 1, atRisk: 1 }],
      // 31 Mar (days 54, 39, 39, 30; visits all 2): M1 R4 F5, M2 R2 F5, M3 R5 F5.
      ['2025-03', 3, { champions: 2, atRisk: 1 }],
    ];
    expect(await trend()).toEqual(afterBoth);
    expect(await kept()).toEqual([
      ['2025-01', 2, 2],
      ['2025-02', 5, 3],
      ['2025-03', 6, 3],
    ]);

    // A late refund of M2's 5 February sale, recorded on 27 February: spend only, the same sizes, new stamps.
    await push([refund(10, 6, M2, '2025-02-27')]);
    expect(await trend()).toEqual(afterBoth);
    expect(await kept()).toEqual([
      ['2025-01', 2, 2],
      ['2025-02', 6, 3],
      ['2025-03', 7, 3],
    ]);

    // Nothing kept: the same trend computed from ho_member_month alone.
    await database.db.delete(rfmMonth);
    expect(await trend()).toEqual(afterBoth);
    // A rebuild of the summaries drops what was kept of them.
    await database.db.transaction(async (tx) => rebuildSummaries(tx));
    expect(await kept()).toEqual([]);
    expect(await trend()).toEqual(afterBoth);
  });
});
